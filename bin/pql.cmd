@echo off
rem pql: starts PQL Connector with the JVM settings bin/pql uses (see connector-benchmarks/README.md).
rem   JAVA_HOME      the JDK or JRE to use (17 or newer); else java on the PATH
rem   PQL_JAVA_OPTS  extra JVM options, added last so they win (a collector named there: also drop ours by hand)
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%..\lib\pql.jar"
if not exist "%JAR%" set "JAR=%HERE%..\pql.jar"
if not exist "%JAR%" (
  echo pql: pql.jar not found next to %HERE% ^(looked in ..\lib and ..^) 1>&2
  exit /b 4
)
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -Xms32m -Xmx384m -XX:+UseSerialGC %PQL_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
