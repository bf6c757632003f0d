; Unhunch NSIS additions (electron-builder's nsis.include). See docs/deployment.md.
; Per-machine: the policy folder %ProgramData%\Unhunch, writable by Administrators and
; SYSTEM only, readable by Users; with /ALLUSERSAUTOSTART, a per-machine Run value that
; starts Unhunch at login for every user.

!include "FileFunc.nsh"

!macro customInstall
  CreateDirectory "$COMMONAPPDATA\Unhunch"
  ; Owner Administrators; no inherited rights; Administrators and SYSTEM full, Users read.
  nsExec::ExecToLog 'icacls "$COMMONAPPDATA\Unhunch" /setowner *S-1-5-32-544'
  nsExec::ExecToLog 'icacls "$COMMONAPPDATA\Unhunch" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERSAUTOSTART" $R1
  ${IfNot} ${Errors}
    WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "Unhunch" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}"'
  ${EndIf}
!macroend

!macro customUnInstall
  ; The policy folder stays: it is the administrator's.
  DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "Unhunch"
!macroend
