@echo off
rem driftgate, from its release archive, on Windows: needs Java 17 or newer (JAVA_HOME, else java on
rem the PATH). Embedded databases are Linux x86-64 binaries: on Windows use server targets.
setlocal
set "DRIFTGATE_HOME=%~dp0.."
if defined JAVA_HOME (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA=java"
)
if not defined DRIFTGATE_JAVA_OPTS set "DRIFTGATE_JAVA_OPTS=-Xmx1g -XX:TieredStopAtLevel=1"
"%JAVA%" %DRIFTGATE_JAVA_OPTS% "-Ddriftgate.home=%DRIFTGATE_HOME%" -cp "%DRIFTGATE_HOME%\lib\*" dev.driftgate.cli.Main %*
exit /b %ERRORLEVEL%
