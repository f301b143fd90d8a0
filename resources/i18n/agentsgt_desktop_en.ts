<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
