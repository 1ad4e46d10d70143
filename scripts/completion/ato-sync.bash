# bash completion for ato-sync
_ato_sync() {
  local cur prev words cword
  _init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; }
  local commands="validate plan apply show import ids coverage init cases"
  local global="--config --token-file --cacert --no-color --verbose --version --help"
  local command="" w
  for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case " $commands " in *" $w "*) command=$w; break ;; esac
  done
  case "$prev" in
    --config|--token-file|--cacert|-out|--out|--ids|--dir) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --results) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "text json csv markdown" -- "$cur")); return ;;
  esac
  local flags=""
  case "$command" in
    "") COMPREPLY=($(compgen -W "$commands $global" -- "$cur")); return ;;
    validate) flags="--json --strict" ;;
    plan) flags="-out --json --markdown --detailed-exitcode --target --refresh=full --allow-archive" ;;
    apply) flags="--auto-approve --target" ;;
    show) flags="--json --markdown" ;;
    import) flags="--all --allure-id --dir" ;;
    ids) flags="--format" ;;
    coverage) flags="--results --ids --format --min-percent" ;;
    init) flags="" ;;
    cases) flags="--json --target" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$flags $global" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -F _ato_sync ato-sync
