@echo off
rem claude-reindex's `claude` shim for Windows (cmd.exe): the contract of bin/claude, as far as cmd
rem allows. cmd cannot replace itself with another program, so it waits for the real claude and
rem passes its exit code on; the check itself runs in node, which skips it when one ran recently.
rem Environment: the same switches as bin/claude (CLAUDE_REINDEX=0, CLAUDE_REINDEX_DEBUG=1,
rem CLAUDE_REINDEX_REAL_CLAUDE, CLAUDE_REINDEX_STALE_HOURS, CLAUDE_REINDEX_CHECK_MINUTES).
setlocal
set "SELF=%~f0"
set "NESTED=0"
if defined CLAUDE_REINDEX_SHIM_PATHS set "NESTED=1"
set "REAL=%CLAUDE_REINDEX_REAL_CLAUDE%"
if defined REAL goto :found
for /f "delims=" %%C in ('where claude 2^>nul') do (
  call :consider "%%~fC"
  if defined REAL goto :found
)
set "INSTALL_HINT=install it (npm i -g @anthropic-ai/claude-code) or set CLAUDE_REINDEX_REAL_CLAUDE"
>&2 echo claude-reindex: no Claude Code found on PATH besides this shim (%SELF%); %INSTALL_HINT%
exit /b 127

:consider
rem Never this shim, a shim already passed through, or anything in the current directory.
if /i "%~1"=="%SELF%" exit /b 0
echo ;%CLAUDE_REINDEX_SHIM_PATHS%; | find /i ";%~1;" >nul && exit /b 0
if /i "%~dp1"=="%CD%\" exit /b 0
set "REAL=%~1"
exit /b 0

:found
if "%CLAUDE_REINDEX_DEBUG%"=="1" >&2 echo claude-reindex: real claude: %REAL%
if "%NESTED%"=="1" goto :run
if "%CLAUDE_REINDEX%"=="0" goto :run
where node >nul 2>nul || goto :run
node "%~dp0..\dist\claude-reindex.mjs" shim-check

:run
set "CLAUDE_REINDEX_SHIM_PATHS=%CLAUDE_REINDEX_SHIM_PATHS%;%SELF%"
"%REAL%" %*
exit /b %ERRORLEVEL%
