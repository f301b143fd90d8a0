@echo off
rem The agentsgt-desktop command: runs the console companion of the installed app.
"%~dp0..\agentsgt-desktop-cli.exe" %*
exit /b %ERRORLEVEL%
