<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConversationActions</name>
    <message numerus="yes">
        <source>%n conversation(s) deleted.</source>
        <translation>
            <numerusform>%n conversation deleted.</numerusform>
            <numerusform>%n conversations deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Everything (%n conversation(s))</source>
        <translation>
            <numerusform>Everything (%n conversation)</numerusform>
            <numerusform>Everything (%n conversations)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n conversation(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n conversation to {path}.</numerusform>
            <numerusform>Exported %n conversations to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportAction</name>
    <message numerus="yes">
        <source>Imported %n conversation(s).</source>
        <translation>
            <numerusform>Imported %n conversation.</numerusform>
            <numerusform>Imported %n conversations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n came back from Recently deleted.</source>
        <translation>
            <numerusform>%n came back from Recently deleted.</numerusform>
            <numerusform>%n came back from Recently deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n reply(ies) interrupted when the app closed: use Retry.</source>
        <extracomment>Emitted on the StreamingWriter&apos;s thread; queued to the GUI thread by Qt. Why the history is a temporary one this session (shown once the window is up). Reloads the lists when another process (the CLI, another window) changed the history. Follows the OS&apos;s light/dark switch while the theme setting is &quot;system&quot;. File → Import…&apos;s file chooser and outcome box (None: the real dialogs); tests set them. True once `start()` ran: icons and empty states are drawn after the first paint only. True once the toolbar has its icons (a narrow window may then hide their text). The conversation that was open when it went to the bin (its empty state is shown). What the empty states show now (set again only when it changes). The warm-up `start()` runs after the first paint (benchmarks wait for it).</extracomment>
        <translation>
            <numerusform>%n reply was interrupted when the app closed: use Retry on it.</numerusform>
            <numerusform>%n replies were interrupted when the app closed: use Retry on them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message numerus="yes">
        <source>%n agent(s) found.</source>
        <translation>
            <numerusform>%n agent found.</numerusform>
            <numerusform>%n agents found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n agent(s).</source>
        <translation>
            <numerusform>Imported %n agent.</numerusform>
            <numerusform>Imported %n agents.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecentlyDeletedDialog</name>
    <message numerus="yes">
        <source>Deleted conversations are kept for %n day(s), then erased.</source>
        <translation>
            <numerusform>Deleted conversations are kept for %n day, then erased.</numerusform>
            <numerusform>Deleted conversations are kept for %n days, then erased.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) (the best ones).</source>
        <translation>
            <numerusform>%n conversation (the best one).</numerusform>
            <numerusform>%n conversations (the best ones).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s).</source>
        <translation>
            <numerusform>%n conversation.</numerusform>
            <numerusform>%n conversations.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerHistoryDialog</name>
    <message numerus="yes">
        <source>%n exchange(s)</source>
        <translation>
            <numerusform>%n exchange</numerusform>
            <numerusform>%n exchanges</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsageChart</name>
    <message numerus="yes">
        <source>{credits} credit(s)</source>
        <translation>
            <numerusform>{credits} credit</numerusform>
            <numerusform>{credits} credits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsagePanel</name>
    <message numerus="yes">
        <source>Credits per day (last %n day(s))</source>
        <translation>
            <numerusform>Credits per day (last day)</numerusform>
            <numerusform>Credits per day (last %n days)</numerusform>
        </translation>
    </message>
</context>
</TS>
