<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <source>This app uses Qt for Python (PySide6) and the Qt libraries under the GNU Lesser General Public License version 3 (LGPLv3). You may replace the Qt libraries with your own build. Qt&apos;s source code and licence: &lt;a href=&quot;https://www.qt.io/licensing/open-source-lgpl-obligations&quot;&gt;qt.io/licensing/open-source-lgpl-obligations&lt;/a&gt;.</source>
        <translation>Esta aplicación usa Qt for Python (PySide6) y las bibliotecas de Qt bajo la Licencia Pública General Reducida de GNU, versión 3 (LGPLv3). Puedes sustituir las bibliotecas de Qt por una compilación propia. Código fuente y licencia de Qt: &lt;a href=&quot;https://www.qt.io/licensing/open-source-lgpl-obligations&quot;&gt;qt.io/licensing/open-source-lgpl-obligations&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Not declared</source>
        <translation>No declarada</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Acerca de {app}</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versión {version}</translation>
    </message>
    <message>
        <source>A desktop chat client for AgentsGT agents. MIT License.</source>
        <translation>Un cliente de chat de escritorio para agentes de AgentsGT. Licencia MIT.</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Carpetas</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Third-party licences</source>
        <translation>Licencias de terceros</translation>
    </message>
    <message>
        <source>History and data:</source>
        <translation>Historial y datos:</translation>
    </message>
    <message>
        <source>Open the history and data folder</source>
        <translation>Abrir la carpeta del historial y los datos</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>Registros:</translation>
    </message>
    <message>
        <source>Open the logs folder</source>
        <translation>Abrir la carpeta de registros</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Could not open the folder {folder}.</source>
        <translation>No se pudo abrir la carpeta {folder}.</translation>
    </message>
    <message>
        <source>Interface icons: Lucide (ISC licence), see {file}.</source>
        <translation>Iconos de la interfaz: Lucide (licencia ISC), consulta {file}.</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>A reply is still being written: wait, or press Stop.</source>
        <extracomment>Languages whose Pygments lexers the warm-up loads (the ones replies use most). What part of the open conversation the transcript shows (a long one is paged).</extracomment>
        <translation>Todavía se está escribiendo una respuesta: espera o pulsa Detener.</translation>
    </message>
    <message>
        <source>Choose or add an agent first.</source>
        <translation>Primero elige o añade un agente.</translation>
    </message>
    <message>
        <source>The profile {name!r} has no key: edit the profile&apos;s keys.</source>
        <translation>El perfil {name!r} no tiene clave: edita las claves del perfil.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Type a message to the agent</source>
        <translation>Escribe un mensaje al agente</translation>
    </message>
    <message>
        <source>Message the agent (Ctrl+Enter to send)</source>
        <translation>Escribe al agente (Ctrl+Intro para enviar)</translation>
    </message>
    <message>
        <source>Message the agent (Enter to send, Shift+Enter for a new line)</source>
        <translation>Escribe al agente (Intro para enviar, Mayús+Intro para una línea nueva)</translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message>
        <source>Send message</source>
        <translation>Enviar mensaje</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>Detener la respuesta</translation>
    </message>
    <message>
        <source>Stop the reply (Esc)</source>
        <translation>Detener la respuesta (Esc)</translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <source>The conversation could not be renamed: {reason}.</source>
        <extracomment>A whole sentence per action (a translation cannot build one from a participle).</extracomment>
        <translation>No se pudo cambiar el nombre de la conversación: {reason}.</translation>
    </message>
    <message>
        <source>The conversation could not be deleted: {reason}.</source>
        <translation>No se pudo eliminar la conversación: {reason}.</translation>
    </message>
    <message>
        <source>The conversation could not be restored: {reason}.</source>
        <translation>No se pudo restaurar la conversación: {reason}.</translation>
    </message>
    <message>
        <source>The conversations could not be listed: {reason}.</source>
        <translation>No se pudieron mostrar las conversaciones: {reason}.</translation>
    </message>
    <message>
        <source>Conversation “{title}” deleted.</source>
        <translation>Conversación «{title}» eliminada.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) deleted.</source>
        <translation>
            <numerusform>%n conversación eliminada.</numerusform>
            <numerusform>%n conversaciones eliminadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Conversation actions</source>
        <translation>Acciones de la conversación</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Cambiar nombre…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Conversation title</source>
        <extracomment>The in-place title editor while a rename is open. (id, title) deleted since the undo bar appeared, oldest first.</extracomment>
        <translation>Título de la conversación</translation>
    </message>
    <message>
        <source>That conversation no longer exists.</source>
        <translation>Esa conversación ya no existe.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>AgentsGT Desktop hit an unexpected problem. Your conversations are saved. You can keep working; if it happens again, copy this report into a bug report (it contains no keys).</source>
        <translation>AgentsGT Desktop tuvo un problema inesperado. Tus conversaciones están guardadas. Puedes seguir trabajando; si vuelve a ocurrir, copia este informe en un informe de error (no contiene claves).</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Informe de error</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copiar informe</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>What can you help me with?</source>
        <extracomment>Shown on a new chat: things anyone might ask any agent first.</extracomment>
        <translation>¿En qué me puedes ayudar?</translation>
    </message>
    <message>
        <source>Summarise the main points of a topic you know well.</source>
        <translation>Resume los puntos principales de un tema que conozcas bien.</translation>
    </message>
    <message>
        <source>Explain your answer step by step.</source>
        <translation>Explica tu respuesta paso a paso.</translation>
    </message>
    <message>
        <source>Chat with {agent}</source>
        <translation>Chatea con {agent}</translation>
    </message>
    <message>
        <source>Ask anything below, or start with one of these.</source>
        <translation>Pregunta lo que quieras abajo, o empieza con una de estas.</translation>
    </message>
    <message>
        <source>No conversations with {agent} yet</source>
        <translation>Aún no hay conversaciones con {agent}</translation>
    </message>
    <message>
        <source>Your conversations with this agent will be listed here.</source>
        <translation>Aquí aparecerán tus conversaciones con este agente.</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>This conversation is gone</source>
        <translation>Esta conversación ya no está</translation>
    </message>
    <message>
        <source>It was deleted, or is no longer in the history. Restore it from Recently deleted, or start a new chat.</source>
        <translation>Se eliminó o ya no está en el historial. Restáurala desde Eliminadas recientemente, o empieza un chat nuevo.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Problem description</source>
        <translation>Descripción del problema</translation>
    </message>
    <message>
        <source>Fix the problem</source>
        <translation>Solucionar el problema</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Edit keys</source>
        <translation>Editar claves</translation>
    </message>
    <message>
        <source>Check balance</source>
        <translation>Consultar el saldo</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Editar el perfil</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss the problem</source>
        <translation>Descartar el problema</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>AgentsGT Desktop JSON (can be imported again)</source>
        <translation>JSON de AgentsGT Desktop (se puede volver a importar)</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>Página web (HTML)</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texto sin formato</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Could not write {name}: {reason}. Choose another folder or name.</source>
        <translation>No se pudo escribir {name}: {reason}. Elige otra carpeta u otro nombre.</translation>
    </message>
    <message>
        <source>Export conversations</source>
        <translation>Exportar conversaciones</translation>
    </message>
    <message>
        <source>This conversation</source>
        <translation>Esta conversación</translation>
    </message>
    <message>
        <source>Chosen conversations:</source>
        <translation>Conversaciones elegidas:</translation>
    </message>
    <message numerus="yes">
        <source>Everything (%n conversation(s))</source>
        <translation>
            <numerusform>Todo (%n conversación)</numerusform>
            <numerusform>Todo (%n conversaciones)</numerusform>
        </translation>
    </message>
    <message>
        <source>Conversations to export</source>
        <translation>Conversaciones que exportar</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Elegir el archivo</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Estado de la exportación</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>Choose at least one conversation to export.</source>
        <translation>Elige al menos una conversación para exportar.</translation>
    </message>
    <message>
        <source>There are no conversations to export yet.</source>
        <translation>Todavía no hay conversaciones que exportar.</translation>
    </message>
    <message>
        <source>Choose the file to export to.</source>
        <translation>Elige el archivo al que exportar.</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>Exportando a {name}…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n conversation(s) to {path}.</source>
        <translation>
            <numerusform>Se exportó %n conversación a {path}.</numerusform>
            <numerusform>Se exportaron %n conversaciones a {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in conversation</source>
        <extracomment>Counting stops here: beyond it the number says &quot;1000+&quot; (a one-letter search in a long talk).</extracomment>
        <translation>Buscar en la conversación</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Coincidencia anterior (Mayús+Intro)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Coincidencia siguiente (Intro)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Cerrar la barra de búsqueda</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} de {total}</translation>
    </message>
</context>
<context>
    <name>HoverActions</name>
    <message>
        <source>Copy message</source>
        <extracomment>The actions a message can have, in the order they are shown: (action, icon, name). The names are translated when the buttons are built.</extracomment>
        <translation>Copiar mensaje</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>Editar y reenviar</translation>
    </message>
    <message>
        <source>Retry this reply</source>
        <translation>Reintentar esta respuesta</translation>
    </message>
    <message>
        <source>Message actions</source>
        <translation>Acciones del mensaje</translation>
    </message>
</context>
<context>
    <name>ImportAction</name>
    <message>
        <source>Import conversations</source>
        <extracomment>Asks for the file to import: (parent) -&gt; its path, or None when the user cancels. Shows the outcome to the user: (parent, outcome).</extracomment>
        <translation>Importar conversaciones</translation>
    </message>
    <message>
        <source>Conversations exported as JSON</source>
        <translation>Conversaciones exportadas como JSON</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Nothing new to import: every conversation in the file is already here.</source>
        <translation>No hay nada nuevo que importar: todas las conversaciones del archivo ya están aquí.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n conversation(s).</source>
        <translation>
            <numerusform>Se importó %n conversación.</numerusform>
            <numerusform>Se importaron %n conversaciones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n came back from Recently deleted.</source>
        <translation>
            <numerusform>%n volvió de Eliminadas recientemente.</numerusform>
            <numerusform>%n volvieron de Eliminadas recientemente.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Waiting for the agent…</source>
        <extracomment>The status line while a streaming reply has sent nothing for a while.</extracomment>
        <translation>Esperando al agente…</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies) interrupted when the app closed: use Retry.</source>
        <extracomment>Emitted on the StreamingWriter&apos;s thread; queued to the GUI thread by Qt. Why the history is a temporary one this session (shown once the window is up). Reloads the lists when another process (the CLI, another window) changed the history. Follows the OS&apos;s light/dark switch while the theme setting is &quot;system&quot;. File → Import…&apos;s file chooser and outcome box (None: the real dialogs); tests set them. True once `start()` ran: icons and empty states are drawn after the first paint only. True once the toolbar has its icons (a narrow window may then hide their text). The conversation that was open when it went to the bin (its empty state is shown). What the empty states show now (set again only when it changes). The warm-up `start()` runs after the first paint (benchmarks wait for it).</extracomment>
        <translation>
            <numerusform>%n respuesta se interrumpió al cerrarse la aplicación: usa Reintentar.</numerusform>
            <numerusform>%n respuestas se interrumpieron al cerrarse la aplicación: usa Reintentar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keys can&apos;t be saved in a keyring: {problem}.</source>
        <translation>No se pueden guardar las claves en un almacén de claves: {problem}.</translation>
    </message>
    <message>
        <source>You can still use keys for this session only.</source>
        <translation>Aun así puedes usar claves solo durante esta sesión.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Escribiendo…</translation>
    </message>
    <message>
        <source>Reply finished.</source>
        <translation>Respuesta terminada.</translation>
    </message>
    <message>
        <source>Reply stopped.</source>
        <translation>Respuesta detenida.</translation>
    </message>
    <message>
        <source>The reply did not finish.</source>
        <translation>La respuesta no terminó.</translation>
    </message>
    <message>
        <source>Starting the demo agent…</source>
        <translation>Iniciando el agente de demostración…</translation>
    </message>
    <message>
        <source>Demo agent ready: {agent}. Say hello!</source>
        <translation>Agente de demostración listo: {agent}. ¡Salúdalo!</translation>
    </message>
    <message>
        <source>Checking the balance…</source>
        <translation>Consultando el saldo…</translation>
    </message>
    <message>
        <source>Code copied</source>
        <translation>Código copiado</translation>
    </message>
    <message>
        <source>Message copied</source>
        <translation>Mensaje copiado</translation>
    </message>
    <message>
        <source>Conversation copied</source>
        <translation>Conversación copiada</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>{notice}.</source>
        <translation>{notice}.</translation>
    </message>
    <message>
        <source>Could not open the folder {folder}.</source>
        <translation>No se pudo abrir la carpeta {folder}.</translation>
    </message>
    <message>
        <source>Choose or add an agent first.</source>
        <translation>Primero elige o añade un agente.</translation>
    </message>
</context>
<context>
    <name>ProfileController</name>
    <message>
        <source>no active subscription</source>
        <translation>sin suscripción activa</translation>
    </message>
    <message>
        <source>subscription active, credits available</source>
        <translation>suscripción activa, con créditos disponibles</translation>
    </message>
    <message>
        <source>subscription active, but no credits left</source>
        <translation>suscripción activa, pero sin créditos</translation>
    </message>
    <message>
        <source>Agent: {name}.</source>
        <translation>Agente: {name}.</translation>
    </message>
    <message>
        <source>The agent ID was not found.</source>
        <translation>No se encontró el ID del agente.</translation>
    </message>
    <message>
        <source>Connected. {agent} Billing: {billing}.</source>
        <translation>Conectado. {agent} Facturación: {billing}.</translation>
    </message>
    <message>
        <source>Enter the public key and the secret key.</source>
        <translation>Escribe la clave pública y la clave secreta.</translation>
    </message>
    <message>
        <source>This key pair sees no agents to import.</source>
        <translation>Este par de claves no ve ningún agente que importar.</translation>
    </message>
    <message>
        <source>This profile has no key: edit the profile&apos;s keys.</source>
        <translation>Este perfil no tiene clave: edita las claves del perfil.</translation>
    </message>
    <message>
        <source>Balance: your organization has no active subscription.</source>
        <translation>Saldo: tu organización no tiene una suscripción activa.</translation>
    </message>
    <message>
        <source>Balance: the subscription is active but no credits are left.</source>
        <translation>Saldo: la suscripción está activa, pero no quedan créditos.</translation>
    </message>
    <message>
        <source>Balance: the subscription is active and credits are available.</source>
        <translation>Saldo: la suscripción está activa y hay créditos disponibles.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profiles &amp; keys</source>
        <translation>Perfiles y claves</translation>
    </message>
    <message>
        <source>Profiles and keys</source>
        <translation>Perfiles y claves</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Perfiles guardados</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nuevo perfil</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Duplicate profile</source>
        <translation>Duplicar perfil</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Eliminar perfil</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Clave pública</translation>
    </message>
    <message>
        <source>pk_…</source>
        <translation>pk_…</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Clave secreta</translation>
    </message>
    <message>
        <source>sk_…</source>
        <translation>sk_…</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Pick after loading, or paste the agent&apos;s UUID</source>
        <translation>Elige tras cargar, o pega el UUID del agente</translation>
    </message>
    <message>
        <source>Load agents</source>
        <translation>Cargar agentes</translation>
    </message>
    <message>
        <source>Load agents with these keys</source>
        <translation>Cargar los agentes con estas claves</translation>
    </message>
    <message>
        <source>X-Agent-Identifier</source>
        <translation>X-Agent-Identifier</translation>
    </message>
    <message>
        <source>Sent as X-Agent-Identifier so AgentsGT can group your chats.</source>
        <translation>Se envía como X-Agent-Identifier para que AgentsGT agrupe tus chats.</translation>
    </message>
    <message>
        <source>Where the key is stored</source>
        <translation>Dónde se guarda la clave</translation>
    </message>
    <message>
        <source>Use the key for this session only</source>
        <translation>Usar la clave solo en esta sesión</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>&amp;Nombre visible:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>URL &amp;base:</translation>
    </message>
    <message>
        <source>&amp;Public key:</source>
        <translation>Clave &amp;pública:</translation>
    </message>
    <message>
        <source>&amp;Secret key:</source>
        <translation>Clave &amp;secreta:</translation>
    </message>
    <message>
        <source>&amp;Agent:</source>
        <translation>&amp;Agente:</translation>
    </message>
    <message>
        <source>&amp;Identifier:</source>
        <translation>&amp;Identificador:</translation>
    </message>
    <message>
        <source>Key storage:</source>
        <translation>Almacén de claves:</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Import all agents</source>
        <translation>Importar todos los agentes</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Guardar perfil</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved secret key</source>
        <translation>Déjala vacía para conservar la clave secreta guardada</translation>
    </message>
    <message>
        <source>Demo key, kept for this session.</source>
        <translation>Clave de demostración, guardada para esta sesión.</translation>
    </message>
    <message>
        <source>Keys are kept in memory for this session only.</source>
        <translation>Las claves se guardan en memoria solo durante esta sesión.</translation>
    </message>
    <message>
        <source>{problem} Keys are never written to a file.</source>
        <translation>{problem} Las claves nunca se escriben en un archivo.</translation>
    </message>
    <message>
        <source>Stored in {backend}.</source>
        <translation>Guardada en {backend}.</translation>
    </message>
    <message>
        <source>Enter the public key and the secret key.</source>
        <translation>Escribe la clave pública y la clave secreta.</translation>
    </message>
    <message>
        <source>Delete profile?</source>
        <translation>¿Eliminar el perfil?</translation>
    </message>
    <message>
        <source>Delete {name!r} and its conversations on this computer?</source>
        <translation>¿Eliminar {name!r} y sus conversaciones de este equipo?</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) found.</source>
        <translation>
            <numerusform>Se encontró %n agente.</numerusform>
            <numerusform>Se encontraron %n agentes.</numerusform>
        </translation>
    </message>
    <message>
        <source>No agents found.</source>
        <translation>No se encontraron agentes.</translation>
    </message>
    <message>
        <source>Saved {name!r}.</source>
        <translation>{name!r} guardado.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n agent(s).</source>
        <translation>
            <numerusform>Se importó %n agente.</numerusform>
            <numerusform>Se importaron %n agentes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every agent was already saved.</source>
        <translation>Todos los agentes ya estaban guardados.</translation>
    </message>
    <message>
        <source>Profile deleted.</source>
        <translation>Perfil eliminado.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>RecentlyDeletedDialog</name>
    <message>
        <source>Delete forever</source>
        <extracomment>Asks before erasing: (parent, title) -&gt; True to go ahead. Tests pass their own answer.</extracomment>
        <translation>Eliminar para siempre</translation>
    </message>
    <message>
        <source>Delete “{title}” forever? This cannot be undone.</source>
        <translation>¿Eliminar «{title}» para siempre? No se puede deshacer.</translation>
    </message>
    <message>
        <source>deleted {when}</source>
        <translation>eliminada el {when}</translation>
    </message>
    <message>
        <source>Recently deleted</source>
        <translation>Eliminadas recientemente</translation>
    </message>
    <message numerus="yes">
        <source>Deleted conversations are kept for %n day(s), then erased.</source>
        <translation>
            <numerusform>Las conversaciones eliminadas se guardan %n día y después se borran.</numerusform>
            <numerusform>Las conversaciones eliminadas se guardan %n días y después se borran.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recently deleted conversations</source>
        <translation>Conversaciones eliminadas recientemente</translation>
    </message>
    <message>
        <source>Nothing was deleted recently.</source>
        <translation>No se ha eliminado nada recientemente.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>&amp;Delete forever…</source>
        <translation>&amp;Eliminar para siempre…</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Type a few words to search every conversation (Up/Down to pick, Enter to open).</source>
        <extracomment>Marked for lupdate here; translated when shown.</extracomment>
        <translation>Escribe unas palabras para buscar en todas las conversaciones (Arriba/Abajo para elegir, Intro para abrir).</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n coincidencia</numerusform>
            <numerusform>%n coincidencias</numerusform>
        </translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Buscar conversaciones</translation>
    </message>
    <message>
        <source>Search every conversation</source>
        <translation>Buscar en todas las conversaciones</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Texto que buscar</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) (the best ones).</source>
        <translation>
            <numerusform>%n conversación (las mejores).</numerusform>
            <numerusform>%n conversaciones (las mejores).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s).</source>
        <translation>
            <numerusform>%n conversación.</numerusform>
            <numerusform>%n conversaciones.</numerusform>
        </translation>
    </message>
    <message>
        <source>No messages match “{query}”. Try fewer words or the start of a word.</source>
        <translation>Ningún mensaje coincide con «{query}». Prueba con menos palabras o con el principio de una palabra.</translation>
    </message>
</context>
<context>
    <name>ServerHistoryDialog</name>
    <message>
        <source>unknown time</source>
        <translation>hora desconocida</translation>
    </message>
    <message>
        <source>channel {channel}</source>
        <translation>canal {channel}</translation>
    </message>
    <message>
        <source>{tokens_in} tokens in, {tokens_out} out</source>
        <translation>{tokens_in} tokens de entrada, {tokens_out} de salida</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message numerus="yes">
        <source>%n exchange(s)</source>
        <translation>
            <numerusform>%n intercambio</numerusform>
            <numerusform>%n intercambios</numerusform>
        </translation>
    </message>
    <message>
        <source>History and usage: {name}</source>
        <translation>Historial y uso: {name}</translation>
    </message>
    <message>
        <source>History and usage</source>
        <translation>Historial y uso</translation>
    </message>
    <message>
        <source>By agent</source>
        <translation>Por agente</translation>
    </message>
    <message>
        <source>By user identifier</source>
        <translation>Por identificador de usuario</translation>
    </message>
    <message>
        <source>Show history</source>
        <translation>Mostrar historial</translation>
    </message>
    <message>
        <source>User identifier (e.g. an email)</source>
        <translation>Identificador de usuario (p. ej., un correo)</translation>
    </message>
    <message>
        <source>User identifier</source>
        <translation>Identificador de usuario</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Reload history</source>
        <translation>Recargar el historial</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <source>Thread exchanges</source>
        <translation>Intercambios del hilo</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Import as a conversation</source>
        <translation>Importar como conversación</translation>
    </message>
    <message>
        <source>Import the selected thread</source>
        <translation>Importar el hilo seleccionado</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Uso</translation>
    </message>
    <message>
        <source>Enter a user identifier to see that user&apos;s history.</source>
        <translation>Escribe un identificador de usuario para ver su historial.</translation>
    </message>
    <message>
        <source>Loading page {page}…</source>
        <translation>Cargando la página {page}…</translation>
    </message>
    <message>
        <source>Use Reload to try again.</source>
        <translation>Usa Recargar para volver a intentarlo.</translation>
    </message>
    <message>
        <source>This page is empty.</source>
        <translation>Esta página está vacía.</translation>
    </message>
    <message>
        <source>The server has no conversations with this agent yet.</source>
        <translation>El servidor aún no tiene conversaciones con este agente.</translation>
    </message>
    <message>
        <source>The server has no conversations for “{identifier}”.</source>
        <translation>El servidor no tiene conversaciones de «{identifier}».</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>Página {page}</translation>
    </message>
    <message>
        <source>This thread is with another agent ({name}): add a profile for it to import it.</source>
        <translation>Este hilo es con otro agente ({name}): añade un perfil para él para importarlo.</translation>
    </message>
    <message>
        <source>Importing “{title}”…</source>
        <translation>Importando «{title}»…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Takes effect the next time the app starts.</source>
        <translation>Se aplica la próxima vez que se inicie la aplicación.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter adds a line</source>
        <translation>Intro envía, Mayús+Intro añade una línea</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends, Enter adds a line</source>
        <translation>Ctrl+Intro envía, Intro añade una línea</translation>
    </message>
    <message>
        <source>Use the system proxy settings</source>
        <translation>Usar el proxy del sistema</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Sin proxy</translation>
    </message>
    <message>
        <source>Custom proxy</source>
        <translation>Proxy personalizado</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Tamaño de letra</translation>
    </message>
    <message>
        <source>Send shortcut</source>
        <translation>Atajo para enviar</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Proxy URL</source>
        <translation>URL del proxy</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Tiempo de espera de conexión</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Tiempo de espera sin actividad</translation>
    </message>
    <message>
        <source>Give up on a reply when nothing arrives for this long.</source>
        <translation>Abandonar una respuesta cuando no llegue nada durante este tiempo.</translation>
    </message>
    <message>
        <source>Tell me when a new version is out</source>
        <translation>Avisarme cuando haya una versión nueva</translation>
    </message>
    <message>
        <source>Check for updates</source>
        <translation>Buscar actualizaciones</translation>
    </message>
    <message>
        <source>At most once a day, read the list of releases and show a link to a newer one. Nothing is downloaded or installed by itself.</source>
        <translation>Como mucho una vez al día, consulta la lista de versiones y muestra un enlace a una más nueva. Nada se descarga ni se instala por sí solo.</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>Problema con los ajustes</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>Tamaño de &amp;letra:</translation>
    </message>
    <message>
        <source>Send &amp;with:</source>
        <translation>Enviar &amp;con:</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>Proxy &amp;URL:</source>
        <translation>&amp;URL del proxy:</translation>
    </message>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation>Espera de &amp;conexión:</translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation>Espera sin &amp;actividad:</translation>
    </message>
    <message>
        <source>&amp;Updates:</source>
        <translation>Act&amp;ualizaciones:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Checking the keyring</source>
        <translation>Consultando el almacén de claves</translation>
    </message>
    <message>
        <source>Key stored in the keyring</source>
        <translation>Clave guardada en el almacén de claves</translation>
    </message>
    <message>
        <source>Key kept for this session only</source>
        <translation>Clave guardada solo para esta sesión</translation>
    </message>
    <message>
        <source>Key missing: edit the profile to add it</source>
        <translation>Falta la clave: edita el perfil para añadirla</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>Manage…</source>
        <translation>Gestionar…</translation>
    </message>
    <message>
        <source>Manage agent profiles</source>
        <translation>Gestionar los perfiles de agentes</translation>
    </message>
    <message>
        <source>Agent profiles</source>
        <translation>Perfiles de agentes</translation>
    </message>
    <message>
        <source>No agents yet — add one or try the demo.</source>
        <translation>Aún no hay agentes: añade uno o prueba la demostración.</translation>
    </message>
    <message>
        <source>No agents yet</source>
        <translation>Aún no hay agentes</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>No conversations yet</source>
        <translation>Aún no hay conversaciones</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
</context>
<context>
    <name>StorageProblem</name>
    <message>
        <source>History can&apos;t be opened</source>
        <translation>No se puede abrir el historial</translation>
    </message>
    <message>
        <source>You can keep working with a temporary history for this session: conversations will be lost when you quit unless you export them. Your history file is not changed.</source>
        <translation>Puedes seguir trabajando con un historial temporal durante esta sesión: las conversaciones se perderán al salir, salvo que las exportes. Tu archivo de historial no se modifica.</translation>
    </message>
    <message>
        <source>Use temporary history</source>
        <translation>Usar un historial temporal</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>Switcher</name>
    <message>
        <source>Switch agent</source>
        <translation>Cambiar de agente</translation>
    </message>
    <message>
        <source>Switch to an agent…</source>
        <translation>Cambiar a un agente…</translation>
    </message>
    <message>
        <source>Filter agents</source>
        <translation>Filtrar agentes</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>No agent matches.</source>
        <translation>Ningún agente coincide.</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>You</source>
        <extracomment>Marked for lupdate here; translated when a message is written (role_label).</extracomment>
        <translation>Tú</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>The reply failed</source>
        <translation>La respuesta falló</translation>
    </message>
    <message>
        <source>The agent aborted the reply</source>
        <translation>El agente canceló la respuesta</translation>
    </message>
    <message>
        <source>The reply was cut off</source>
        <translation>La respuesta quedó cortada</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrumpida</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Pensando…</translation>
    </message>
    <message>
        <source>Thought for a while</source>
        <translation>Pensó un momento</translation>
    </message>
    <message>
        <source>Tools: {names}</source>
        <translation>Herramientas: {names}</translation>
    </message>
    <message>
        <source>Sources: {sources}</source>
        <translation>Fuentes: {sources}</translation>
    </message>
    <message>
        <source>Copy</source>
        <extracomment>How many finished message bodies are kept rendered (LRU), across conversations.</extracomment>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Lo que se hizo</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Update available</source>
        <extracomment>How often a long-running window asks `check_due` again (the check itself stays daily).</extracomment>
        <translation>Actualización disponible</translation>
    </message>
    <message>
        <source>{app} {version} is available (you have {current}).
Download it from the release page when it suits you.</source>
        <translation>{app} {version} está disponible (tienes la {current}).
Descárgala desde la página de la versión cuando te venga bien.</translation>
    </message>
    <message>
        <source>Open the release page</source>
        <translation>Abrir la página de la versión</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message>
        <source>No credits were used in this period.</source>
        <translation>No se usaron créditos en este periodo.</translation>
    </message>
    <message numerus="yes">
        <source>{credits} credit(s)</source>
        <translation>
            <numerusform>{credits} crédito</numerusform>
            <numerusform>{credits} créditos</numerusform>
        </translation>
    </message>
    <message>
        <source>Credits per day</source>
        <translation>Créditos por día</translation>
    </message>
    <message>
        <source>{credits} from {first} to {last}; the most on {peak} ({peak_credits}).</source>
        <translation>{credits} del {first} al {last}; el día con más uso, {peak} ({peak_credits}).</translation>
    </message>
</context>
<context>
    <name>UsagePanel</name>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Créditos</translation>
    </message>
    <message>
        <source>Credits per model</source>
        <translation>Créditos por modelo</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Usage status</source>
        <translation>Estado del uso</translation>
    </message>
    <message numerus="yes">
        <source>Credits per day (last %n day(s))</source>
        <translation>
            <numerusform>Créditos por día (último día)</numerusform>
            <numerusform>Créditos por día (últimos %n días)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown model</source>
        <translation>Modelo desconocido</translation>
    </message>
</context>
<context>
    <name>WelcomePane</name>
    <message>
        <source>Welcome to AgentsGT Desktop</source>
        <translation>Te damos la bienvenida a AgentsGT Desktop</translation>
    </message>
    <message>
        <source>Chat with your AgentsGT agents from your desktop. Add an agent with its API key pair (the keys stay in your system&apos;s keyring), or try the built-in demo agent: it runs on this computer and needs no account.</source>
        <translation>Chatea con tus agentes de AgentsGT desde tu escritorio. Añade un agente con su par de claves de API (las claves se quedan en el almacén de claves de tu sistema), o prueba el agente de demostración incluido: funciona en este equipo y no necesita cuenta.</translation>
    </message>
    <message>
        <source>Add an agent…</source>
        <translation>Añadir un agente…</translation>
    </message>
    <message>
        <source>Add an agent</source>
        <translation>Añadir un agente</translation>
    </message>
    <message>
        <source>Try the demo agent</source>
        <translation>Probar el agente de demostración</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation>{tip} ({shortcut})</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <extracomment>Esc while nothing streams (Stop has Esc then): closes the find bar, cancels an edit. A saved conversation is open, or the conversation list shows saved ones. The open conversation has a reply with text.</extracomment>
        <translation>&amp;Nuevo chat</translation>
    </message>
    <message>
        <source>Start a new chat</source>
        <translation>Empezar un chat nuevo</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>Detener la respuesta</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Regenerar</translation>
    </message>
    <message>
        <source>Write the last reply again</source>
        <translation>Volver a escribir la última respuesta</translation>
    </message>
    <message>
        <source>&amp;Copy reply</source>
        <translation>&amp;Copiar respuesta</translation>
    </message>
    <message>
        <source>Copy the last reply</source>
        <translation>Copiar la última respuesta</translation>
    </message>
    <message>
        <source>Copy c&amp;onversation</source>
        <translation>Copiar c&amp;onversación</translation>
    </message>
    <message>
        <source>Copy the whole chat</source>
        <translation>Copiar todo el chat</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Export this conversation</source>
        <translation>Exportar esta conversación</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>Import conversations from a JSON export</source>
        <translation>Importar conversaciones de una exportación JSON</translation>
    </message>
    <message>
        <source>Recently &amp;deleted…</source>
        <translation>Eliminadas &amp;recientemente…</translation>
    </message>
    <message>
        <source>Restore or erase deleted conversations</source>
        <translation>Restaurar o borrar las conversaciones eliminadas</translation>
    </message>
    <message>
        <source>Open data &amp;folder</source>
        <translation>Abrir la carpeta de &amp;datos</translation>
    </message>
    <message>
        <source>Show the folder that holds your history</source>
        <translation>Mostrar la carpeta que guarda tu historial</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Find in conversation</source>
        <translation>Buscar en la conversación</translation>
    </message>
    <message>
        <source>&amp;Search all conversations…</source>
        <translation>Buscar en &amp;todas las conversaciones…</translation>
    </message>
    <message>
        <source>Search every conversation</source>
        <translation>Buscar en todas las conversaciones</translation>
    </message>
    <message>
        <source>Server &amp;history and usage…</source>
        <translation>&amp;Historial del servidor y uso…</translation>
    </message>
    <message>
        <source>Browse this agent&apos;s history on the server and see credit usage</source>
        <translation>Explorar el historial de este agente en el servidor y ver el uso de créditos</translation>
    </message>
    <message>
        <source>S&amp;witch agent</source>
        <translation>Ca&amp;mbiar de agente</translation>
    </message>
    <message>
        <source>Switch to another agent</source>
        <translation>Cambiar a otro agente</translation>
    </message>
    <message>
        <source>&amp;Profiles &amp;&amp; keys…</source>
        <translation>&amp;Perfiles y claves…</translation>
    </message>
    <message>
        <source>Manage agent profiles</source>
        <translation>Gestionar los perfiles de agentes</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Ajustes…</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Abrir los ajustes</translation>
    </message>
    <message>
        <source>Try the &amp;demo agent</source>
        <translation>Probar el agente de &amp;demostración</translation>
    </message>
    <message>
        <source>Chat with the built-in demo agent</source>
        <translation>Chatear con el agente de demostración incluido</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Quit AgentsGT Desktop</source>
        <translation>Salir de AgentsGT Desktop</translation>
    </message>
    <message>
        <source>&amp;About AgentsGT Desktop</source>
        <translation>&amp;Acerca de AgentsGT Desktop</translation>
    </message>
    <message>
        <source>Version, licences and folders</source>
        <translation>Versión, licencias y carpetas</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Agents</source>
        <translation>A&amp;gentes</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
</context>
<context>
    <name>WindowWidgets</name>
    <message>
        <source>Conversation</source>
        <extracomment>The toolbar&apos;s icons: smaller than the style&apos;s 24 px, in proportion with the text beside them. Below this window width the toolbar shows icons only (their tooltips name them).</extracomment>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Current agent</source>
        <translation>Agente actual</translation>
    </message>
    <message>
        <source>Find in conversation</source>
        <translation>Buscar en la conversación</translation>
    </message>
    <message>
        <source>History problem</source>
        <translation>Problema con el historial</translation>
    </message>
    <message>
        <source>Keyring problem</source>
        <translation>Problema con el almacén de claves</translation>
    </message>
    <message>
        <source>Showing messages around the search result.</source>
        <translation>Se muestran los mensajes en torno al resultado de la búsqueda.</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Ir a lo último</translation>
    </message>
    <message>
        <source>Jump to the latest messages</source>
        <translation>Ir a los mensajes más recientes</translation>
    </message>
    <message>
        <source>Editing your message: send to resend from there.</source>
        <translation>Editando tu mensaje: envíalo para reenviar desde ahí.</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Cancelar la edición</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
</TS>
