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
    <name>ApiTypes</name>
    <message>
        <source>The server&apos;s answer is not in the expected format: {where} should be {expected}.</source>
        <translation>La respuesta del servidor no tiene el formato esperado: {where} debería ser {expected}.</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <source>an ISO 8601 timestamp</source>
        <translation>una fecha y hora ISO 8601</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not in the expected format: {where} should be present.</source>
        <translation>La respuesta del servidor no tiene el formato esperado: falta {where}.</translation>
    </message>
    <message>
        <source>a date like 2024-01-15</source>
        <translation>una fecha como 2024-01-15</translation>
    </message>
</context>
<context>
    <name>AppFolder</name>
    <message>
        <source>Cannot create the folder {path}: {reason}. Check the permissions of the folder above it, or choose another with {variable}.</source>
        <translation>No se puede crear la carpeta {path}: {reason}. Revisa los permisos de la carpeta que la contiene, o elige otra con {variable}.</translation>
    </message>
</context>
<context>
    <name>BodyReader</name>
    <message>
        <source>The answer from {host} could not be decompressed ({reason}).</source>
        <translation>No se pudo descomprimir la respuesta de {host} ({reason}).</translation>
    </message>
    <message>
        <source>The answer from {host} is compressed as {name!r}, which was not asked for and cannot be read.</source>
        <translation>La respuesta de {host} está comprimida como {name!r}, algo que no se pidió y que no se puede leer.</translation>
    </message>
    <message>
        <source>The answer from {host} when trying to {what} is larger than the {limit} limit, so it was not read.</source>
        <translation>La respuesta de {host} al intentar {what} supera el límite de {limit}, así que no se leyó.</translation>
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
    <name>ChatSession</name>
    <message>
        <source>Type a message first.</source>
        <extracomment>Every change goes through the log first, so memory never runs ahead of storage.</extracomment>
        <translation>Escribe primero un mensaje.</translation>
    </message>
    <message>
        <source>There is no message to answer yet.</source>
        <translation>Todavía no hay ningún mensaje que responder.</translation>
    </message>
    <message>
        <source>There is no message to answer before this reply.</source>
        <translation>No hay ningún mensaje que responder antes de esta respuesta.</translation>
    </message>
    <message>
        <source>The edited message is empty.</source>
        <translation>El mensaje editado está vacío.</translation>
    </message>
    <message>
        <source>Only your own messages can be edited.</source>
        <translation>Solo se pueden editar tus propios mensajes.</translation>
    </message>
    <message>
        <source>Wait for the reply to finish, or press Stop.</source>
        <translation>Espera a que termine la respuesta o pulsa Detener.</translation>
    </message>
    <message>
        <source>That message is no longer in this conversation.</source>
        <translation>Ese mensaje ya no está en esta conversación.</translation>
    </message>
</context>
<context>
    <name>ChatStream</name>
    <message>
        <source>The reply from {host} is larger than the {limit} limit for one reply (after decompression), so the rest was not read.</source>
        <translation>La respuesta de {host} supera el límite de {limit} para una respuesta (tras descomprimirla), así que no se leyó el resto.</translation>
    </message>
    <message>
        <source>{host} sent nothing for {seconds:g} s, so the reply was cut off. Try again later.</source>
        <translation>{host} no envió nada durante {seconds:g} s, así que la respuesta se cortó. Inténtalo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>{host} kept sending one line without ever finishing it for {seconds:g} s, so the reply was cut off. Try again later.</source>
        <translation>{host} estuvo enviando una línea sin terminarla nunca durante {seconds:g} s, así que la respuesta se cortó. Inténtalo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>{host} sent nothing but keep-alives for {seconds:g} s, so the reply was cut off. Try again later.</source>
        <translation>{host} solo envió señales de mantenimiento de la conexión durante {seconds:g} s, así que la respuesta se cortó. Inténtalo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>The reply from {host} took longer than the {seconds:g} s limit set for one reply, so it was cut off.</source>
        <translation>La respuesta de {host} superó el límite de {seconds:g} s fijado para una respuesta, así que se cortó.</translation>
    </message>
</context>
<context>
    <name>Client</name>
    <message>
        <source>A user identifier is required to send a message; set one in the profile.</source>
        <extracomment>Told about each coming retry (to show &quot;trying again in N s&quot;); the wait itself is cancellable.</extracomment>
        <translation>Hace falta un identificador de usuario para enviar un mensaje; indica uno en el perfil.</translation>
    </message>
    <message>
        <source>send the message</source>
        <translation>enviar el mensaje</translation>
    </message>
    <message>
        <source>list agents</source>
        <translation>obtener la lista de agentes</translation>
    </message>
    <message>
        <source>check the balance</source>
        <translation>consultar el saldo</translation>
    </message>
    <message>
        <source>read the history</source>
        <translation>leer el historial</translation>
    </message>
    <message>
        <source>read the consumption</source>
        <translation>leer el consumo</translation>
    </message>
    <message>
        <source>{host} did not send its whole answer within {seconds:g} s when trying to {what}, so the wait was ended. Try again later.</source>
        <translation>{host} no envió su respuesta completa en {seconds:g} s al intentar {what}, así que se dejó de esperar. Inténtalo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>The server&apos;s answer when trying to {what} is not JSON (HTTP {status}). Check the API base URL.</source>
        <translation>La respuesta del servidor al intentar {what} no es JSON (HTTP {status}). Revisa la URL base de la API.</translation>
    </message>
    <message>
        <source>The header {name} is set by the client and cannot be changed.</source>
        <translation>La cabecera {name} la pone el cliente y no se puede cambiar.</translation>
    </message>
    <message>
        <source>The header {name} must be plain ASCII on one line.</source>
        <translation>La cabecera {name} debe ser ASCII simple en una sola línea.</translation>
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
    <name>Connection</name>
    <message>
        <source>{host} did not send the status line and headers of its answer within {seconds:g} s of the request, so the wait was ended. Try again later.</source>
        <translation>{host} no envió la línea de estado ni las cabeceras de su respuesta en los {seconds:g} s siguientes a la petición, así que se dejó de esperar. Inténtalo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>Could not connect to {host} within {seconds:g} s. Check your network connection, proxy and the API base URL.</source>
        <translation>No se pudo conectar con {host} en {seconds:g} s. Revisa tu conexión de red, el proxy y la URL base de la API.</translation>
    </message>
    <message>
        <source>{host} sent nothing for {seconds:g} s, so the wait was ended. Try again later.</source>
        <translation>{host} no envió nada durante {seconds:g} s, así que se dejó de esperar. Inténtalo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>The request to {host} timed out. Try again later.</source>
        <translation>Se agotó el tiempo de espera de la petición a {host}. Inténtalo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>The proxy refused the connection to {host} ({reason}). Check your proxy settings.</source>
        <translation>El proxy rechazó la conexión con {host} ({reason}). Revisa los ajustes del proxy.</translation>
    </message>
    <message>
        <source>Could not make a secure connection to {host} ({reason}). Check the address, the system clock and any proxy that inspects traffic.</source>
        <translation>No se pudo establecer una conexión segura con {host} ({reason}). Revisa la dirección, el reloj del sistema y cualquier proxy que inspeccione el tráfico.</translation>
    </message>
    <message>
        <source>Could not find the server {host} ({reason}). Check the API base URL and your network connection.</source>
        <translation>No se encontró el servidor {host} ({reason}). Revisa la URL base de la API y tu conexión de red.</translation>
    </message>
    <message>
        <source>Could not connect to {host} ({reason}). Check the API base URL and your network connection.</source>
        <translation>No se pudo conectar con {host} ({reason}). Revisa la URL base de la API y tu conexión de red.</translation>
    </message>
    <message>
        <source>The connection to {host} was lost while the reply was streaming. Check your network and try again.</source>
        <translation>Se perdió la conexión con {host} mientras llegaba la respuesta. Revisa tu red e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The connection to {host} was lost before it answered. Check your network and try again.</source>
        <translation>Se perdió la conexión con {host} antes de que respondiera. Revisa tu red e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The answer from {host} could not be decoded ({reason}).</source>
        <translation>No se pudo descodificar la respuesta de {host} ({reason}).</translation>
    </message>
    <message>
        <source>The request to {host} failed ({reason}). Check your network and try again.</source>
        <translation>Falló la petición a {host} ({reason}). Revisa tu red e inténtalo de nuevo.</translation>
    </message>
</context>
<context>
    <name>ContentTypes</name>
    <message>
        <source>{host} answered with a web page ({kind}) instead of a reply stream: this URL does not look like the AgentsGT API (a wrong base URL, or a network sign-in page?).</source>
        <translation>{host} respondió con una página web ({kind}) en lugar de un flujo de respuesta: esta URL no parece la API de AgentsGT (¿una URL base equivocada, o una página de inicio de sesión de la red?).</translation>
    </message>
    <message>
        <source>{host} answered with content of type {kind!r} instead of a reply stream: this URL does not look like the AgentsGT API.</source>
        <translation>{host} respondió con contenido de tipo {kind!r} en lugar de un flujo de respuesta: esta URL no parece la API de AgentsGT.</translation>
    </message>
    <message>
        <source>{host} answered with a web page ({kind}) where JSON was expected when trying to {what}: this URL does not look like the AgentsGT API (a wrong base URL, or a network sign-in page?).</source>
        <translation>{host} respondió con una página web ({kind}) donde se esperaba JSON al intentar {what}: esta URL no parece la API de AgentsGT (¿una URL base equivocada, o una página de inicio de sesión de la red?).</translation>
    </message>
    <message>
        <source>{host} answered with content of type {kind!r} where JSON was expected when trying to {what}: this URL does not look like the AgentsGT API.</source>
        <translation>{host} respondió con contenido de tipo {kind!r} donde se esperaba JSON al intentar {what}: esta URL no parece la API de AgentsGT.</translation>
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
    <name>Duration</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
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
    <name>ErrorText</name>
    <message>
        <source>Too many requests: trying again now (try {attempt} of {attempts})…</source>
        <translation>Demasiadas peticiones: reintentando ahora (intento {attempt} de {attempts})…</translation>
    </message>
    <message>
        <source>Too many requests: trying again in {wait} (try {attempt} of {attempts}). Press Esc to stop.</source>
        <translation>Demasiadas peticiones: se reintentará dentro de {wait} (intento {attempt} de {attempts}). Pulsa Esc para cancelar.</translation>
    </message>
    <message>
        <source>Could not connect: trying again now (try {attempt} of {attempts})…</source>
        <translation>No se pudo conectar: reintentando ahora (intento {attempt} de {attempts})…</translation>
    </message>
    <message>
        <source>Could not connect: trying again in {wait} (try {attempt} of {attempts}). Press Esc to stop.</source>
        <translation>No se pudo conectar: se reintentará dentro de {wait} (intento {attempt} de {attempts}). Pulsa Esc para cancelar.</translation>
    </message>
    <message>
        <source>The server refused the request ({status}): {detail}.</source>
        <translation>El servidor rechazó la petición ({status}): {detail}.</translation>
    </message>
    <message>
        <source>The server refused the request ({status}).</source>
        <translation>El servidor rechazó la petición ({status}).</translation>
    </message>
    <message>
        <source>The server gave an unexpected answer ({status}): {detail}.</source>
        <translation>El servidor dio una respuesta inesperada ({status}): {detail}.</translation>
    </message>
    <message>
        <source>The server gave an unexpected answer ({status}).</source>
        <translation>El servidor dio una respuesta inesperada ({status}).</translation>
    </message>
    <message>
        <source>Your organization has no active AgentsGT subscription ({status}).</source>
        <translation>Tu organización no tiene una suscripción activa de AgentsGT ({status}).</translation>
    </message>
    <message>
        <source>Your organization has no credits left ({status}).</source>
        <translation>A tu organización no le quedan créditos ({status}).</translation>
    </message>
    <message>
        <source>AgentsGT needs a subscription or credits to answer ({status}).</source>
        <translation>AgentsGT necesita una suscripción o créditos para responder ({status}).</translation>
    </message>
    <message>
        <source>The API rate limit was hit ({status}): too many requests from this key; try again in {wait}.</source>
        <translation>Se alcanzó el límite de peticiones de la API ({status}): demasiadas peticiones con esta clave; inténtalo de nuevo dentro de {wait}.</translation>
    </message>
    <message>
        <source>The API rate limit was hit ({status}): too many requests from this key; try again in a minute.</source>
        <translation>Se alcanzó el límite de peticiones de la API ({status}): demasiadas peticiones con esta clave; inténtalo de nuevo dentro de un minuto.</translation>
    </message>
    <message>
        <source>Could not write {file}: the disk is full. Free some space and try again.</source>
        <translation>No se pudo escribir {file}: el disco está lleno. Libera espacio e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Could not write: the disk is full. Free some space and try again.</source>
        <translation>No se pudo escribir: el disco está lleno. Libera espacio e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Could not write {file}: the file or its folder is read-only or not accessible. Check their permissions.</source>
        <translation>No se pudo escribir {file}: el archivo o su carpeta son de solo lectura o no se puede acceder a ellos. Revisa sus permisos.</translation>
    </message>
    <message>
        <source>Could not write: the file or its folder is read-only or not accessible. Check their permissions.</source>
        <translation>No se pudo escribir: el archivo o su carpeta son de solo lectura o no se puede acceder a ellos. Revisa sus permisos.</translation>
    </message>
    <message>
        <source>Could not use {file}: {reason}.</source>
        <translation>No se pudo usar {file}: {reason}.</translation>
    </message>
    <message>
        <source>Could not use: {reason}.</source>
        <translation>No se pudo usar: {reason}.</translation>
    </message>
    <message>
        <source>The key was rejected ({status}): check the public and secret key and that the key is enabled in the AgentsGT dashboard.</source>
        <extracomment>Most specific first: the first row whose `kind` matches an error describes it.</extracomment>
        <translation>Se rechazó la clave ({status}): revisa la clave pública y la secreta, y que la clave esté activada en el panel de AgentsGT.</translation>
    </message>
    <message>
        <source>The key was rejected: it is not allowed to use this agent ({status}). Check its plan level and allowed domains.</source>
        <translation>Se rechazó la clave: no tiene permiso para usar este agente ({status}). Revisa su nivel de plan y sus dominios permitidos.</translation>
    </message>
    <message>
        <source>The agent was not found ({status}): check the agent id and that it belongs to the key&apos;s organization.</source>
        <translation>No se encontró el agente ({status}): revisa el ID del agente y que pertenezca a la organización de la clave.</translation>
    </message>
    <message>
        <source>The AgentsGT service failed ({status}). Try again in a moment.</source>
        <translation>El servicio de AgentsGT falló ({status}). Inténtalo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The agent sent nothing for {wait}, so the wait was ended.</source>
        <translation>El agente no envió nada durante {wait}, así que se dejó de esperar.</translation>
    </message>
    <message>
        <source>the history file or its folder is read-only</source>
        <translation>el archivo del historial o su carpeta son de solo lectura</translation>
    </message>
    <message>
        <source>another program is keeping the history file locked</source>
        <translation>otro programa mantiene bloqueado el archivo del historial</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>the history file is damaged</source>
        <translation>el archivo del historial está dañado</translation>
    </message>
    <message>
        <source>the disk reported an error</source>
        <translation>el disco informó de un error</translation>
    </message>
    <message>
        <source>History can&apos;t be saved: {reason}. Conversations in this window will be lost when you quit; export them to keep them.</source>
        <translation>No se puede guardar el historial: {reason}. Las conversaciones de esta ventana se perderán al salir; expórtalas para conservarlas.</translation>
    </message>
    <message>
        <source>Unexpected problem: {error}</source>
        <translation>Problema inesperado: {error}</translation>
    </message>
    <message>
        <source>The agent reported an error: {detail}.</source>
        <translation>El agente informó de un error: {detail}.</translation>
    </message>
    <message>
        <source>The agent reported an error: no details were given.</source>
        <translation>El agente informó de un error: no dio detalles.</translation>
    </message>
    <message>
        <source>The agent stopped the reply: {reason}.</source>
        <translation>El agente detuvo la respuesta: {reason}.</translation>
    </message>
    <message>
        <source>The agent stopped the reply.</source>
        <translation>El agente detuvo la respuesta.</translation>
    </message>
    <message>
        <source>The reply is incomplete: {cause}</source>
        <translation>La respuesta está incompleta: {cause}</translation>
    </message>
    <message>
        <source>The reply is incomplete: the connection dropped before it finished.</source>
        <translation>La respuesta está incompleta: la conexión se cortó antes de que terminara.</translation>
    </message>
    <message>
        <source>The reply was cut off: it ended before it was complete.</source>
        <translation>La respuesta se cortó: terminó antes de estar completa.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The server rejected the request</source>
        <translation>El servidor rechazó la petición</translation>
    </message>
    <message>
        <source>The key was rejected</source>
        <translation>Se rechazó la clave</translation>
    </message>
    <message>
        <source>Payment required</source>
        <translation>Pago necesario</translation>
    </message>
    <message>
        <source>The key is not allowed to do this</source>
        <translation>La clave no tiene permiso para hacer esto</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>Demasiadas peticiones</translation>
    </message>
    <message>
        <source>The AgentsGT service failed</source>
        <translation>El servicio de AgentsGT falló</translation>
    </message>
    <message>
        <source>Unexpected answer from the server</source>
        <translation>Respuesta inesperada del servidor</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>There is no conversation with the id {id}.</source>
        <translation>No hay ninguna conversación con el ID {id}.</translation>
    </message>
    <message>
        <source>The profile of conversation {id} is missing.</source>
        <translation>Falta el perfil de la conversación {id}.</translation>
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
    <name>Import</name>
    <message>
        <source>conversation {index}, profile: {problem}</source>
        <extracomment>True when it was in the bin (Recently deleted) and the import brought it back.</extracomment>
        <translation>conversación {index}, perfil: {problem}</translation>
    </message>
    <message>
        <source>The file repeats the key {key!r} inside one object.</source>
        <translation>El archivo repite la clave {key!r} dentro de un mismo objeto.</translation>
    </message>
    <message>
        <source>The file contains {name}, which is not valid JSON.</source>
        <translation>El archivo contiene {name}, que no es JSON válido.</translation>
    </message>
    <message>
        <source>The file contains a number {digits:,} digits long; numbers in an export have at most {most:,} digits.</source>
        <translation>El archivo contiene un número de {digits:,} cifras; los números de una exportación tienen como mucho {most:,} cifras.</translation>
    </message>
    <message>
        <source>The file contains a number too large to store ({start}...).</source>
        <translation>El archivo contiene un número demasiado grande para guardarlo ({start}...).</translation>
    </message>
    <message>
        <source>{name} is too large to import ({size:,} bytes; the limit is {limit}).</source>
        <translation>{name} es demasiado grande para importarlo ({size:,} bytes; el límite es {limit}).</translation>
    </message>
    <message>
        <source>The file is too large to import ({size:,} bytes; the limit is {limit}).</source>
        <translation>El archivo es demasiado grande para importarlo ({size:,} bytes; el límite es {limit}).</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (bad byte at offset {offset}).</source>
        <translation>El archivo no es texto UTF-8 (byte incorrecto en la posición {offset}).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (the file looks truncated): {problem} (line {line}, column {column}).</source>
        <translation>El archivo no es JSON válido (parece estar cortado): {problem} (línea {line}, columna {column}).</translation>
    </message>
    <message>
        <source>The file is not valid JSON: {problem} (line {line}, column {column}).</source>
        <translation>El archivo no es JSON válido: {problem} (línea {line}, columna {column}).</translation>
    </message>
    <message>
        <source>The file is nested too deeply to be an export.</source>
        <translation>El archivo tiene demasiados niveles de anidamiento para ser una exportación.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>No se puede leer {path}: {reason}.</translation>
    </message>
    <message>
        <source>{path} is a folder; give the export file inside it.</source>
        <translation>{path} es una carpeta; indica el archivo de exportación que contiene.</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a device, a pipe or a socket), so it cannot be imported; give a JSON export file.</source>
        <translation>{path} no es un archivo normal (es un dispositivo, una tubería o un socket), así que no se puede importar; indica un archivo de exportación JSON.</translation>
    </message>
    <message>
        <source>must be a JSON object, not {kind}</source>
        <translation>debe ser un objeto JSON, no {kind}</translation>
    </message>
    <message>
        <source>unknown field {name!r} (version {version} has no such field)</source>
        <translation>campo desconocido {name!r} (la versión {version} no tiene ese campo)</translation>
    </message>
    <message>
        <source>the field {name!r} is missing</source>
        <translation>falta el campo {name!r}</translation>
    </message>
    <message>
        <source>{key!r} must be a string or null, not {kind}</source>
        <translation>{key!r} debe ser una cadena o null, no {kind}</translation>
    </message>
    <message>
        <source>{key!r} must be a string, not {kind}</source>
        <translation>{key!r} debe ser una cadena, no {kind}</translation>
    </message>
    <message>
        <source>{key!r} is too long ({length:,} characters, at most {limit:,})</source>
        <translation>{key!r} es demasiado largo ({length:,} caracteres, como mucho {limit:,})</translation>
    </message>
    <message>
        <source>{key!r} contains an unpaired surrogate, which is not valid Unicode text</source>
        <translation>{key!r} contiene un sustituto sin pareja, que no es texto Unicode válido</translation>
    </message>
    <message>
        <source>{key!r} must not be empty</source>
        <translation>{key!r} no debe estar vacío</translation>
    </message>
    <message>
        <source>{key!r} must be a positive whole number, not {value!r}</source>
        <translation>{key!r} debe ser un número entero positivo, no {value!r}</translation>
    </message>
    <message>
        <source>{key!r} must be an ISO 8601 date and time, not {value!r}</source>
        <translation>{key!r} debe ser una fecha y hora ISO 8601, no {value!r}</translation>
    </message>
    <message>
        <source>{key!r} must include a time zone offset, as in {value}+00:00</source>
        <translation>{key!r} debe incluir la diferencia horaria, como en {value}+00:00</translation>
    </message>
    <message>
        <source>{key!r} must be a whole number of tokens or null, not {value!r}</source>
        <translation>{key!r} debe ser un número entero de tokens o null, no {value!r}</translation>
    </message>
    <message>
        <source>{key!r} must be one of {allowed}, not {value!r}</source>
        <translation>{key!r} debe ser uno de estos valores: {allowed}, no {value!r}</translation>
    </message>
    <message>
        <source>{key!r} must be a JSON array, not {kind}</source>
        <translation>{key!r} debe ser una lista JSON, no {kind}</translation>
    </message>
    <message>
        <source>message {index} repeats the id {id!r}</source>
        <translation>el mensaje {index} repite el ID {id!r}</translation>
    </message>
    <message>
        <source>conversation {index} repeats the id {id!r}</source>
        <translation>la conversación {index} repite el ID {id!r}</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booleano</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>una cadena</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>{where} is nested too deeply</source>
        <translation>{where} tiene demasiados niveles de anidamiento</translation>
    </message>
    <message>
        <source>{where} contains a number that is not finite</source>
        <translation>{where} contiene un número que no es finito</translation>
    </message>
    <message>
        <source>{where} contains an unpaired surrogate</source>
        <translation>{where} contiene un sustituto sin pareja</translation>
    </message>
    <message>
        <source>{where} contains {kind}</source>
        <translation>{where} contiene {kind}</translation>
    </message>
    <message>
        <source>{where}: must be a JSON object, not {kind}</source>
        <translation>{where}: debe ser un objeto JSON, no {kind}</translation>
    </message>
    <message>
        <source>{where}: &apos;type&apos; must be one of tool, source, not {kind!r}</source>
        <translation>{where}: &apos;type&apos; debe ser tool o source, no {kind!r}</translation>
    </message>
    <message>
        <source>the message is too large ({size:,} bytes, at most {most:,})</source>
        <translation>el mensaje es demasiado grande ({size:,} bytes, como mucho {most:,})</translation>
    </message>
    <message>
        <source>{where}, usage</source>
        <translation>{where}, uso</translation>
    </message>
    <message>
        <source>{where}, part {index}</source>
        <translation>{where}, parte {index}</translation>
    </message>
    <message>
        <source>{where}, profile</source>
        <translation>{where}, perfil</translation>
    </message>
    <message>
        <source>{where}, message {index}</source>
        <translation>{where}, mensaje {index}</translation>
    </message>
    <message>
        <source>The file is not a conversation export: it holds {kind}, not a JSON object.</source>
        <translation>El archivo no es una exportación de conversaciones: contiene {kind}, no un objeto JSON.</translation>
    </message>
    <message>
        <source>The file is not a conversation export: &apos;format&apos; is {found!r}, expected {name!r}.</source>
        <translation>El archivo no es una exportación de conversaciones: &apos;format&apos; es {found!r} y se esperaba {name!r}.</translation>
    </message>
    <message>
        <source>The export&apos;s &apos;version&apos; must be a whole number, not {version!r}.</source>
        <translation>La &apos;version&apos; de la exportación debe ser un número entero, no {version!r}.</translation>
    </message>
    <message>
        <source>The export is version {version}, newer than this app understands (version {known}): update AgentsGT Desktop to import it.</source>
        <translation>La exportación es de la versión {version}, más reciente de la que entiende esta aplicación (versión {known}): actualiza AgentsGT Desktop para importarla.</translation>
    </message>
    <message>
        <source>The export version {version} is unknown.</source>
        <translation>La versión {version} de la exportación es desconocida.</translation>
    </message>
    <message>
        <source>the export</source>
        <translation>la exportación</translation>
    </message>
    <message>
        <source>conversation {index}</source>
        <translation>conversación {index}</translation>
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
    <name>Keyring</name>
    <message>
        <source>The macOS Keychain could not be reached, so keys cannot be saved. You can use the key for this session only.</source>
        <translation>No se pudo acceder al Llavero de macOS, así que no se pueden guardar las claves. Puedes usar la clave solo durante esta sesión.</translation>
    </message>
    <message>
        <source>The Windows Credential Locker could not be reached, so keys cannot be saved. You can use the key for this session only.</source>
        <translation>No se pudo acceder al Administrador de credenciales de Windows, así que no se pueden guardar las claves. Puedes usar la clave solo durante esta sesión.</translation>
    </message>
    <message>
        <source>No keyring service is running (Secret Service not found on D-Bus). Install and unlock gnome-keyring or KWallet, or use the key for this session only.</source>
        <translation>No hay ningún servicio de almacén de claves en marcha (no se encontró Secret Service en D-Bus). Instala y desbloquea gnome-keyring o KWallet, o usa la clave solo durante esta sesión.</translation>
    </message>
    <message>
        <source>Saving keys is turned off: the keyring library is set to its null backend (see PYTHON_KEYRING_BACKEND or keyringrc.cfg). You can use the key for this session only.</source>
        <translation>Guardar claves está desactivado: la biblioteca keyring está configurada con su backend nulo (consulta PYTHON_KEYRING_BACKEND o keyringrc.cfg). Puedes usar la clave solo durante esta sesión.</translation>
    </message>
    <message>
        <source>The configured keyring ({name}) keeps keys in a file that is not protected, so AgentsGT Desktop will not use it. Set up the system keyring, or use the key for this session only.</source>
        <translation>El almacén de claves configurado ({name}) guarda las claves en un archivo sin protección, así que AgentsGT Desktop no lo usará. Configura el almacén de claves del sistema o usa la clave solo durante esta sesión.</translation>
    </message>
    <message>
        <source>The keyring could not be set up ({kind}: {detail}).</source>
        <translation>No se pudo configurar el almacén de claves ({kind}: {detail}).</translation>
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
    <name>Profiles</name>
    <message>
        <source>Profile timestamps must carry a time zone.</source>
        <translation>Las fechas del perfil deben llevar zona horaria.</translation>
    </message>
    <message>
        <source>Enter the public key and the secret key.</source>
        <translation>Escribe la clave pública y la clave secreta.</translation>
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
    <name>Secrets</name>
    <message>
        <source>The public key is empty.</source>
        <translation>La clave pública está vacía.</translation>
    </message>
    <message>
        <source>The public key must not contain spaces.</source>
        <translation>La clave pública no debe contener espacios.</translation>
    </message>
    <message>
        <source>The base URL must be a full URL like https://agentsgt.com/api/v1 (got {url!r}).</source>
        <translation>La URL base debe ser una URL completa, como https://agentsgt.com/api/v1 (se recibió {url!r}).</translation>
    </message>
    <message>
        <source>The base URL has a bad port number: {url!r}.</source>
        <translation>La URL base tiene un número de puerto incorrecto: {url!r}.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>Both the public key and the secret key are needed.</source>
        <translation>Hacen falta la clave pública y la clave secreta.</translation>
    </message>
    <message>
        <source>save</source>
        <translation>guardar</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>eliminar</translation>
    </message>
    <message>
        <source>Could not {verb} the key: {where} is locked. Unlock it and try again, or use the key for this session only.</source>
        <translation>No se pudo {verb} la clave: {where} está bloqueado. Desbloquéalo e inténtalo de nuevo, o usa la clave solo durante esta sesión.</translation>
    </message>
    <message>
        <source>Could not {verb} the key: no keyring is available.</source>
        <translation>No se pudo {verb} la clave: no hay ningún almacén de claves disponible.</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>sin detalles</translation>
    </message>
    <message>
        <source>Could not {verb} the key in {where} ({kind}: {detail}).</source>
        <translation>No se pudo {verb} la clave en {where} ({kind}: {detail}).</translation>
    </message>
    <message>
        <source>A key reference is needed (see secrets.key_ref).</source>
        <translation>Hace falta una referencia de clave (consulta secrets.key_ref).</translation>
    </message>
    <message>
        <source>The saved entry for {ref} does not hold a key pair. Enter the keys again.</source>
        <translation>La entrada guardada para {ref} no contiene un par de claves. Vuelve a escribir las claves.</translation>
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
    <name>Settings</name>
    <message>
        <source>There is no setting called {name!r}.</source>
        <extracomment>Opt-in: look at the release feed once a day for a newer version (core.update_check). When the feed was last looked at (Unix seconds), so it is read at most once a day. Read once at start-up (gui.i18n): a change takes effect at the next start.</extracomment>
        <translation>No hay ningún ajuste llamado {name!r}.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Send shortcut</source>
        <translation>Atajo para enviar</translation>
    </message>
    <message>
        <source>Proxy mode</source>
        <translation>Modo del proxy</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Tamaño de letra</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Espera de conexión</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Espera sin actividad</translation>
    </message>
    <message>
        <source>Check for updates</source>
        <translation>Buscar actualizaciones</translation>
    </message>
    <message>
        <source>Last update check</source>
        <translation>Última búsqueda de actualizaciones</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>{label} must be one of {allowed} (got {value!r}).</source>
        <translation>«{label}» debe ser uno de estos valores: {allowed} (se recibió {value!r}).</translation>
    </message>
    <message>
        <source>{label} must be a whole number from {low} to {high} (got {value!r}).</source>
        <translation>«{label}» debe ser un número entero entre {low} y {high} (se recibió {value!r}).</translation>
    </message>
    <message>
        <source>{label} must be between {low:g} and {high:g} seconds (got {value!r}).</source>
        <translation>«{label}» debe estar entre {low:g} y {high:g} segundos (se recibió {value!r}).</translation>
    </message>
    <message>
        <source>Proxy URL must be text (got {value!r}).</source>
        <translation>La URL del proxy debe ser texto (se recibió {value!r}).</translation>
    </message>
    <message>
        <source>Proxy URL is required when the proxy mode is custom, e.g. http://proxy.example.com:8080 or socks5://127.0.0.1:1080.</source>
        <translation>Hace falta la URL del proxy cuando el modo del proxy es personalizado, p. ej., http://proxy.example.com:8080 o socks5://127.0.0.1:1080.</translation>
    </message>
    <message>
        <source>Proxy URL must start with one of {schemes} (got {url!r}).</source>
        <translation>La URL del proxy debe empezar por uno de estos esquemas: {schemes} (se recibió {url!r}).</translation>
    </message>
    <message>
        <source>Proxy URL has a bad port number: {url!r}.</source>
        <translation>La URL del proxy tiene un número de puerto incorrecto: {url!r}.</translation>
    </message>
    <message>
        <source>Proxy URL must name a host, as in http://host:port (got {url!r}).</source>
        <translation>La URL del proxy debe indicar un servidor, como en http://servidor:puerto (se recibió {url!r}).</translation>
    </message>
    <message>
        <source>Proxy URL must not contain a password: it would be saved in plain text.</source>
        <translation>La URL del proxy no debe contener una contraseña: se guardaría como texto sin cifrar.</translation>
    </message>
    <message>
        <source>Proxy URL must be only scheme://host:port, with no path or query (got {url!r}).</source>
        <translation>La URL del proxy debe ser solo esquema://servidor:puerto, sin ruta ni consulta (se recibió {url!r}).</translation>
    </message>
    <message>
        <source>{label} must be true or false (got {value!r}).</source>
        <translation>«{label}» debe ser true o false (se recibió {value!r}).</translation>
    </message>
    <message>
        <source>{label} must be a time in Unix seconds (got {value!r}).</source>
        <translation>«{label}» debe ser una hora en segundos Unix (se recibió {value!r}).</translation>
    </message>
    <message>
        <source>Last profile id must be a short text id (got {value!r}).</source>
        <translation>El ID del último perfil debe ser un identificador de texto corto (se recibió {value!r}).</translation>
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
    <name>Storage</name>
    <message>
        <source>This history was written by a newer version of AgentsGT Desktop (schema {version}); update the app. Your data has not been changed.</source>
        <translation>Este historial lo escribió una versión más reciente de AgentsGT Desktop (esquema {version}); actualiza la aplicación. Tus datos no se han modificado.</translation>
    </message>
    <message>
        <source>The history database ({path}) is damaged or is not an AgentsGT Desktop history file. Move it aside (or restore a .bak copy next to it) and start the app again.</source>
        <translation>La base de datos del historial ({path}) está dañada o no es un archivo de historial de AgentsGT Desktop. Muévela a otro sitio (o restaura una copia .bak que esté a su lado) y vuelve a iniciar la aplicación.</translation>
    </message>
    <message>
        <source>The history database ({path}) is busy: another program or AgentsGT Desktop window kept it locked. Nothing was lost; close the other program and try again.</source>
        <translation>La base de datos del historial ({path}) está ocupada: otro programa u otra ventana de AgentsGT Desktop la mantuvo bloqueada. No se perdió nada; cierra el otro programa e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Cannot write to the history database ({path}): the file or its folder is read-only or not accessible. Check their permissions.</source>
        <translation>No se puede escribir en la base de datos del historial ({path}): el archivo o su carpeta son de solo lectura o no se puede acceder a ellos. Revisa sus permisos.</translation>
    </message>
    <message>
        <source>The disk is full: the last change to the history database ({path}) was not saved. Free some space and try again.</source>
        <translation>El disco está lleno: el último cambio en la base de datos del historial ({path}) no se guardó. Libera espacio e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The disk reported an error while using the history database ({path}): {reason}.</source>
        <translation>El disco informó de un error al usar la base de datos del historial ({path}): {reason}.</translation>
    </message>
    <message>
        <source>Could not use the history database ({path}): {reason}.</source>
        <translation>No se pudo usar la base de datos del historial ({path}): {reason}.</translation>
    </message>
    <message>
        <source>The history database is closed.</source>
        <translation>La base de datos del historial está cerrada.</translation>
    </message>
    <message>
        <source>Enter a title for the conversation.</source>
        <translation>Escribe un título para la conversación.</translation>
    </message>
    <message>
        <source>That agent profile no longer exists.</source>
        <translation>Ese perfil de agente ya no existe.</translation>
    </message>
    <message>
        <source>That conversation is not in Recently deleted.</source>
        <translation>Esa conversación no está en Eliminadas recientemente.</translation>
    </message>
    <message>
        <source>That conversation no longer exists.</source>
        <translation>Esa conversación ya no existe.</translation>
    </message>
    <message>
        <source>Cannot read the history database ({path}): {reason}.</source>
        <translation>No se puede leer la base de datos del historial ({path}): {reason}.</translation>
    </message>
    <message>
        <source>Cannot create the folder for the history database ({path}): {reason}. Check its permissions.</source>
        <translation>No se puede crear la carpeta de la base de datos del historial ({path}): {reason}. Revisa sus permisos.</translation>
    </message>
    <message>
        <source>Could not back up the history database before updating it ({reason}); it was not changed. Free some disk space or check the folder&apos;s permissions.</source>
        <translation>No se pudo hacer una copia de seguridad de la base de datos del historial antes de actualizarla ({reason}); no se modificó. Libera espacio en el disco o revisa los permisos de la carpeta.</translation>
    </message>
    <message>
        <source>That message no longer exists.</source>
        <translation>Ese mensaje ya no existe.</translation>
    </message>
    <message>
        <source>The history writer is closed.</source>
        <translation>El proceso que guarda el historial está cerrado.</translation>
    </message>
    <message>
        <source>Could not save the reply: {reason}.</source>
        <translation>No se pudo guardar la respuesta: {reason}.</translation>
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
    <name>StreamParts</name>
    <message>
        <source>The reply is longer than the {limit:,}-character limit for one reply, so it was stopped there.</source>
        <translation>La respuesta supera el límite de {limit:,} caracteres para una respuesta, así que se detuvo ahí.</translation>
    </message>
    <message>
        <source>The reply has more than {limit:,} parts (tool calls, sources, files and data), the limit for one reply, so it was stopped there.</source>
        <translation>La respuesta tiene más de {limit:,} partes (llamadas a herramientas, fuentes, archivos y datos), el límite para una respuesta, así que se detuvo ahí.</translation>
    </message>
    <message>
        <source>The reply stream sent a line longer than the {limit} limit, so the reply was stopped there.</source>
        <translation>El flujo de la respuesta envió una línea que supera el límite de {limit}, así que la respuesta se detuvo ahí.</translation>
    </message>
    <message>
        <source>The reply stream sent a data stream line with no &apos;CODE:&apos; prefix: {line!r}</source>
        <translation>El flujo de la respuesta envió una línea del flujo de datos sin el prefijo &apos;CODE:&apos;: {line!r}</translation>
    </message>
    <message>
        <source>The reply stream sent a &apos;{code}:&apos; part that is not text.</source>
        <translation>El flujo de la respuesta envió una parte &apos;{code}:&apos; que no es texto.</translation>
    </message>
    <message>
        <source>The reply stream sent a &apos;{code}:&apos; part that is not an object.</source>
        <translation>El flujo de la respuesta envió una parte &apos;{code}:&apos; que no es un objeto.</translation>
    </message>
    <message>
        <source>An error occurred.</source>
        <translation>Se produjo un error.</translation>
    </message>
    <message>
        <source>The reply stream sent {what} that is not valid JSON ({problem} at column {column}): {excerpt}</source>
        <translation>El flujo de la respuesta envió {what} que no es JSON válido ({problem} en la columna {column}): {excerpt}</translation>
    </message>
    <message>
        <source>The reply stream sent {what} nested too deeply.</source>
        <translation>El flujo de la respuesta envió {what} con demasiados niveles de anidamiento.</translation>
    </message>
    <message>
        <source>The reply stream sent {what} with a number too long to read: {excerpt}</source>
        <translation>El flujo de la respuesta envió {what} con un número demasiado largo para leerlo: {excerpt}</translation>
    </message>
    <message>
        <source>a UI message stream part</source>
        <translation>una parte del flujo de mensajes de UI</translation>
    </message>
    <message>
        <source>a data stream part</source>
        <translation>una parte del flujo de datos</translation>
    </message>
    <message>
        <source>The reply stream sent a &apos;{part}&apos; part without a text &apos;{key}&apos;.</source>
        <translation>El flujo de la respuesta envió una parte &apos;{part}&apos; sin un texto &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>The reply stream sent a &apos;text-delta&apos; part without a text &apos;delta&apos;.</source>
        <translation>El flujo de la respuesta envió una parte &apos;text-delta&apos; sin un texto &apos;delta&apos;.</translation>
    </message>
    <message>
        <source>The reply stream sent a UI message stream part that is not an object.</source>
        <translation>El flujo de la respuesta envió una parte del flujo de mensajes de UI que no es un objeto.</translation>
    </message>
    <message>
        <source>The reply stream sent a UI message stream part without a &apos;type&apos;.</source>
        <translation>El flujo de la respuesta envió una parte del flujo de mensajes de UI sin &apos;type&apos;.</translation>
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
    <name>Validation</name>
    <message>
        <source>The API base URL is empty. Use https://agentsgt.com/api/v1.</source>
        <translation>La URL base de la API está vacía. Usa https://agentsgt.com/api/v1.</translation>
    </message>
    <message>
        <source>The API base URL {text!r} is not a valid address. Use a full address such as https://agentsgt.com/api/v1.</source>
        <translation>La URL base de la API {text!r} no es una dirección válida. Usa una dirección completa, como https://agentsgt.com/api/v1.</translation>
    </message>
    <message>
        <source>The API base URL {text!r} must start with https:// and name a host, for example https://agentsgt.com/api/v1.</source>
        <translation>La URL base de la API {text!r} debe empezar por https:// e indicar un servidor, por ejemplo https://agentsgt.com/api/v1.</translation>
    </message>
    <message>
        <source>The API base URL must not contain a user name or password; keys are sent in the Authorization header.</source>
        <translation>La URL base de la API no debe contener un nombre de usuario ni una contraseña; las claves se envían en la cabecera Authorization.</translation>
    </message>
    <message>
        <source>The API base URL {text!r} must not contain &apos;?&apos; or &apos;#&apos; parts. Use an address such as https://agentsgt.com/api/v1.</source>
        <translation>La URL base de la API {text!r} no debe contener partes con &apos;?&apos; ni &apos;#&apos;. Usa una dirección como https://agentsgt.com/api/v1.</translation>
    </message>
    <message>
        <source>The API base URL must use https:// for {host}: plain http would send your key unencrypted, so it is allowed only for this computer (localhost, 127.0.0.1).</source>
        <translation>La URL base de la API debe usar https:// para {host}: con http simple tu clave viajaría sin cifrar, así que solo se permite para este equipo (localhost, 127.0.0.1).</translation>
    </message>
    <message>
        <source>The agent ID {shown!r} is not a UUID. Copy it from the agent&apos;s page in the AgentsGT dashboard; it looks like 550e8400-e29b-41d4-a716-446655440000.</source>
        <translation>El ID del agente {shown!r} no es un UUID. Cópialo de la página del agente en el panel de AgentsGT; tiene este aspecto: 550e8400-e29b-41d4-a716-446655440000.</translation>
    </message>
    <message>
        <source>The message is empty. Type something to send.</source>
        <translation>El mensaje está vacío. Escribe algo para enviar.</translation>
    </message>
    <message>
        <source>There is no message to send. Type something to send.</source>
        <translation>No hay ningún mensaje que enviar. Escribe algo para enviar.</translation>
    </message>
    <message>
        <source>Each turn of the conversation must be a ChatMessage.</source>
        <translation>Cada turno de la conversación debe ser un ChatMessage.</translation>
    </message>
    <message>
        <source>The API keys are missing. Enter your public and secret key.</source>
        <translation>Faltan las claves de API. Escribe tu clave pública y tu clave secreta.</translation>
    </message>
    <message>
        <source>The public key is empty. Paste it from Settings → API Keys.</source>
        <translation>La clave pública está vacía. Pégala desde Settings → API Keys.</translation>
    </message>
    <message>
        <source>The secret key is empty. Paste it from Settings → API Keys.</source>
        <translation>La clave secreta está vacía. Pégala desde Settings → API Keys.</translation>
    </message>
    <message>
        <source>The public key contains spaces, a colon or unusual characters. Paste it again from Settings → API Keys.</source>
        <translation>La clave pública contiene espacios, dos puntos o caracteres poco habituales. Vuelve a pegarla desde Settings → API Keys.</translation>
    </message>
    <message>
        <source>The secret key contains spaces or unusual characters. Paste it again from Settings → API Keys.</source>
        <translation>La clave secreta contiene espacios o caracteres poco habituales. Vuelve a pegarla desde Settings → API Keys.</translation>
    </message>
    <message>
        <source>The identifier is empty. Enter an id for this conversation, e.g. your email.</source>
        <translation>El identificador está vacío. Escribe un identificador para esta conversación, p. ej., tu correo.</translation>
    </message>
    <message>
        <source>The identifier is too long: use at most {limit} characters.</source>
        <translation>El identificador es demasiado largo: usa como mucho {limit} caracteres.</translation>
    </message>
    <message>
        <source>The identifier is sent as the X-Agent-Identifier header, so it must be plain ASCII: letters, digits and punctuation, without accents, emoji or line breaks.</source>
        <translation>El identificador se envía en la cabecera X-Agent-Identifier, así que debe ser ASCII simple: letras, cifras y signos de puntuación, sin tildes, emojis ni saltos de línea.</translation>
    </message>
    <message>
        <source>Enter a display name for this agent profile.</source>
        <translation>Escribe un nombre visible para este perfil de agente.</translation>
    </message>
    <message>
        <source>The display name is too long: use at most {limit} characters.</source>
        <translation>El nombre visible es demasiado largo: usa como mucho {limit} caracteres.</translation>
    </message>
    <message>
        <source>The user identifier is empty.</source>
        <translation>El identificador de usuario está vacío.</translation>
    </message>
    <message>
        <source>The thread id is empty.</source>
        <translation>El ID del hilo está vacío.</translation>
    </message>
    <message>
        <source>The organization id is empty.</source>
        <translation>El ID de la organización está vacío.</translation>
    </message>
    <message>
        <source>The page number must be 1 or more (got {page!r}).</source>
        <translation>El número de página debe ser 1 o más (se recibió {page!r}).</translation>
    </message>
    <message>
        <source>The page size must be between 1 and {most} (got {limit!r}).</source>
        <translation>El tamaño de página debe estar entre 1 y {most} (se recibió {limit!r}).</translation>
    </message>
    <message>
        <source>The start date {text!r} is not an ISO 8601 date, e.g. 2024-01-31 or 2024-01-31T23:59:59Z.</source>
        <translation>La fecha de inicio {text!r} no es una fecha ISO 8601, como 2024-01-31 o 2024-01-31T23:59:59Z.</translation>
    </message>
    <message>
        <source>The end date {text!r} is not an ISO 8601 date, e.g. 2024-01-31 or 2024-01-31T23:59:59Z.</source>
        <translation>La fecha de fin {text!r} no es una fecha ISO 8601, como 2024-01-31 o 2024-01-31T23:59:59Z.</translation>
    </message>
    <message>
        <source>The start of the period {text!r} is not an ISO 8601 date, e.g. 2024-01-31 or 2024-01-31T23:59:59Z.</source>
        <translation>El inicio del periodo {text!r} no es una fecha ISO 8601, como 2024-01-31 o 2024-01-31T23:59:59Z.</translation>
    </message>
    <message>
        <source>The end of the period {text!r} is not an ISO 8601 date, e.g. 2024-01-31 or 2024-01-31T23:59:59Z.</source>
        <translation>El fin del periodo {text!r} no es una fecha ISO 8601, como 2024-01-31 o 2024-01-31T23:59:59Z.</translation>
    </message>
    <message>
        <source>The start date must be a date, a datetime or ISO 8601 text.</source>
        <translation>La fecha de inicio debe ser una fecha, una fecha con hora o un texto ISO 8601.</translation>
    </message>
    <message>
        <source>The end date must be a date, a datetime or ISO 8601 text.</source>
        <translation>La fecha de fin debe ser una fecha, una fecha con hora o un texto ISO 8601.</translation>
    </message>
    <message>
        <source>The start of the period must be a date, a datetime or ISO 8601 text.</source>
        <translation>El inicio del periodo debe ser una fecha, una fecha con hora o un texto ISO 8601.</translation>
    </message>
    <message>
        <source>The end of the period must be a date, a datetime or ISO 8601 text.</source>
        <translation>El fin del periodo debe ser una fecha, una fecha con hora o un texto ISO 8601.</translation>
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
