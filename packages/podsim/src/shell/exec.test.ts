import { describe, expect, it } from 'vitest';
import { Pipe } from '../kernel/streams.js';
import { runShell, testMachine } from './testing.js';

const bash = (script: string, opts?: Parameters<typeof runShell>[2]) => runShell('bash', script, opts);
const ash = (script: string, opts?: Parameters<typeof runShell>[2]) => runShell('ash', script, opts);

describe('expansion', () => {
  it('expands parameters with defaults, lengths and pattern removal', () => {
    const r = bash('x=hello.yaml; echo ${x} ${#x} ${x%.yaml} ${x#*.} ${y:-dflt} ${y:=set} $y ${x:+alt} ${x/l/L} ${x//l/L}');
    expect(r.stdout).toBe('hello.yaml 10 hello yaml dflt set set alt heLlo.yaml heLLo.yamL\n');
  });

  it('splits unquoted expansions on IFS but keeps quoted ones whole', () => {
    const r = bash('v="a  b   c"; for w in $v; do echo "[$w]"; done; for w in "$v"; do echo "[$w]"; done; e=; echo "<$e>" "<"$e">"');
    expect(r.stdout).toBe('[a]\n[b]\n[c]\n[a  b   c]\n<> <>\n');
  });

  it('keeps "$@" as separate words and counts $#', () => {
    const r = bash('f() { echo $#; for a in "$@"; do echo "<$a>"; done; }; f one "two three" ""');
    expect(r.stdout).toBe('3\n<one>\n<two three>\n<>\n');
  });

  it('keeps bash indexed arrays: elements by arithmetic subscript, "${a[@]}" as words, counts, +=( ) (expected from GNU bash 5.2)', () => {
    const r = bash(
      'items=(foo bar baz qux xyz); i=3; echo ${items[$i]} ${items[i+1]} ${items[-1]} $items ${#items[@]} ${#items[1]}; a=(one "two three"\n  four); for w in "${a[@]}"; do echo "<$w>"; done; echo "${a[*]}"; a+=(five); echo ${#a[@]} ${a[4]}; echo "[${items[7]}]"; unset a; echo "[${a[0]}]"; b=x; echo ${b[0]} ${#b[@]}',
    );
    expect(r.stdout).toBe('qux xyz xyz foo 5 3\n<one>\n<two three>\n<four>\none two three four\n4\n[]\n[]\nx 1\n');
  });

  it('has no arrays in busybox ash', () => {
    const r = ash('items=(foo bar); echo ${items}');
    expect(r.stderr).toContain('syntax error: unexpected "("');
  });

  it('substitutes commands ($(…) and backticks) dropping trailing newlines, and sets $?', () => {
    const r = bash('a=$(printf "x\\n\\n"); b=`echo y`; echo "$a$b"; c=$(false); echo $?; echo "$(echo "nested $(echo deep)")"');
    expect(r.stdout).toBe('xy\n1\nnested deep\n');
  });

  it('does arithmetic with variables, precedence and assignment', () => {
    const r = bash('i=3; echo $((i * 2 + 1)) $(( (i+1) % 3 )) $((i > 2 && i < 5)) $((2**10)); echo $((i++)) $i $((x += 5)) $x');
    expect(r.stdout).toBe('7 1 1 1024\n3 4 5 5\n');
  });

  it('expands tilde, globs against the machine files, and leaves unmatched patterns', () => {
    const m = testMachine();
    for (const f of ['a.yaml', 'b.yaml', 'c.txt', '.hidden.yaml']) m.fs.writeFile(`/home/learner/${f}`, '');
    const r = bash('echo ~ *.yaml; echo *.json; echo "*.yaml"; echo ~/c.*', { machine: m });
    expect(r.stdout).toBe('/home/learner a.yaml b.yaml\n*.json\n*.yaml\n/home/learner/c.txt\n');
  });

  it('single quotes, double quotes and backslashes', () => {
    const r = bash(`x=1; echo '$x "q"' "\\$x \\"q\\" $x" \\$x a\\ b`);
    expect(r.stdout).toBe('$x "q" $x "q" 1 $x a b\n');
  });
});

describe('execution', () => {
  it('runs (( )) arithmetic commands with C-like truth', () => {
    expect(bash('i=0; while ((i < 3)); do ((i++)); done; echo $i; ((0)); echo $?').stdout).toBe('3\n1\n');
  });

  it('pipelines return the last status, or the last failure with pipefail', () => {
    expect(bash('false | true; echo $?; set -o pipefail; false | true; echo $?').stdout).toBe('0\n1\n');
  });

  it('bash expands braces and here-strings; ash leaves braces alone', () => {
    expect(bash('echo {a,b}.yaml x{1..3}; read v <<< "from here"; echo $v').stdout).toBe('a.yaml b.yaml x1 x2 x3\nfrom here\n');
    expect(ash('echo {a,b}').stdout).toBe('{a,b}\n');
  });

  it('a non-interactive shell stops at ${x:?} with status 127', () => {
    const r = bash('echo before; echo ${x:?must be set}; echo after');
    expect([r.stdout, r.stderr, r.status]).toEqual(['before\n', 'bash: line 1: x: must be set\n', 127]);
  });

  it('runs &&, || and ! by exit status', () => {
    expect(bash('true && echo a || echo b; false && echo c || echo d; ! false && echo e').stdout).toBe('a\nd\ne\n');
  });

  it('runs if/elif/else, while, until, for, case and loops with break/continue', () => {
    const r = bash(`
n=0
until [ $n -ge 5 ]; do
  n=$((n+1))
  if [ $n -eq 2 ]; then continue; elif [ $n -eq 4 ]; then break; else echo "n=$n"; fi
done
for f in a.yaml b.txt; do
  case $f in
    *.yaml|*.yml) echo "$f is yaml" ;;
    *) echo "$f is other" ;;
  esac
done`);
    expect(r.stdout).toBe('n=1\nn=3\na.yaml is yaml\nb.txt is other\n');
  });

  it('functions get arguments, return a status and keep locals local', () => {
    const r = bash('x=global; f() { local x=inner; echo "$1 $x"; return 4; }; f arg; echo $? $x');
    expect(r.stdout).toBe('arg inner\n4 global\n');
  });

  it('pipes between programs and builtins, and feeds while-read loops', () => {
    const r = bash('printf "b\\na\\nc\\n" | sort | while read line; do echo "got $line"; done; echo x | grep -c x');
    expect(r.stdout).toBe('got a\ngot b\ngot c\n1\n');
  });

  it('redirects to files, appends, merges stderr and reads here-docs', () => {
    const r = bash(
      "echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; nope 2>&1 | cat; nope 2>/dev/null; echo $?; cat <<-END\n\tindented $HOME\n\tEND\ncat <<'Q'\n$HOME\nQ",
    );
    expect(r.stdout).toBe('one\ntwo\nbash: nope: command not found\n127\nindented /home/learner\n$HOME\n');
    expect(r.stderr).toBe('');
    expect(r.machine.fs.readFile('/tmp/f')).toBe('one\ntwo\n');
  });

  it('reports a missing redirection target like bash', () => {
    const r = bash('echo x > /nope/f; echo $?');
    expect(r.stderr).toBe('bash: /nope/f: No such file or directory\n');
    expect(r.stdout).toBe('1\n');
  });

  it('subshells and groups: ( ) does not leak cd or variables, { } does', () => {
    const r = bash('(cd /tmp; x=1; pwd); pwd; echo "[$x]"; { cd /tmp; y=2; }; pwd; echo $y');
    expect(r.stdout).toBe('/tmp\n/home/learner\n[]\n/tmp\n2\n');
  });

  it('exit ends the shell with its status; set -e stops at the first failure', () => {
    expect(bash('echo a; exit 3; echo b').status).toBe(3);
    const r = bash('set -e; echo a; false; echo b');
    expect([r.stdout, r.status]).toEqual(['a\n', 1]);
  });

  it('runs the EXIT trap when the script ends', () => {
    expect(bash('trap "echo bye" EXIT; echo hi').stdout).toBe('hi\nbye\n');
  });

  it('eval, source and positional parameters', () => {
    const m = testMachine();
    m.fs.writeFile('/home/learner/lib.sh', 'greet() { echo "hello $1"; }\nLOADED=yes\n');
    const r = bash('. ./lib.sh; greet you; echo $LOADED; cmd="echo evaluated"; eval $cmd; set -- a b c; shift; echo $# $1', { machine: m });
    expect(r.stdout).toBe('hello you\nyes\nevaluated\n2 b\n');
  });

  it('read splits a line into variables from stdin', () => {
    const input = new Pipe();
    input.write('alpha beta gamma delta\n');
    input.close();
    const r = bash('read a b rest; echo "$a|$b|$rest"', { stdin: input });
    expect(r.stdout).toBe('alpha|beta|gamma delta\n');
  });

  it('test / [ evaluates strings, integers and files, with bash errors', () => {
    const r = bash('[ -f /tmp ] || echo notfile; [ -d /tmp ] && echo dir; [ abc = abc ] && echo eq; [ 3 -lt 10 ] && echo lt; [ x -eq 1 ]; echo $?; [ 1 = 1');
    expect(r.stdout).toBe('notfile\ndir\neq\nlt\n2\n');
    expect(r.stderr).toBe("bash: [: x: integer expression expected\nbash: [: missing `]'\n");
  });

  it('printf reuses its format and pads', () => {
    expect(bash('printf "%s=%d\\n" a 1 b 2; printf "[%5s][%-4s][%x]\\n" hi yo 255').stdout).toBe('a=1\nb=2\n[   hi][yo  ][ff]\n');
  });

  it('aliases expand at the start of a command', () => {
    expect(bash('alias hi="echo hello"; hi there; alias hi').stdout).toBe("hello there\nalias hi='echo hello'\n");
  });

  it('type tells builtins, functions, aliases and programs apart', () => {
    const r = bash('f() { :; }; alias k=kubectl; type cd f k ls nope');
    expect(r.stdout).toBe("cd is a shell builtin\nf is a function\nk is aliased to `kubectl'\nls is /usr/bin/ls\n");
    expect(r.stderr).toBe('bash: type: nope: not found\n');
  });
});

describe('virtual time', () => {
  it('each command costs 1 ms, so a loop without sleep still lets time pass', () => {
    const r = bash('i=0; while [ $i -lt 100 ]; do i=$((i+1)); done; echo done');
    expect(r.stdout).toBe('done\n');
    expect(r.machine.clock.now()).toBeGreaterThanOrEqual(200);
    expect(r.machine.clock.now()).toBeLessThan(1000);
  });

  it('a writer loop with sleep appends in virtual time', () => {
    const m = testMachine();
    m.fs.mkdir('/data');
    const r = runShell('ash', 'while true; do date >> /data/f; sleep 5; done', { machine: m, maxMs: 12_000 });
    expect(r.proc.alive).toBe(true);
    expect(m.fs.readFile('/data/f').split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('background jobs run while the script continues; wait collects them', () => {
    const r = bash('(sleep 2; echo late) & echo early; wait; echo end');
    expect(r.stdout).toBe('early\nlate\nend\n');
  });
});

describe('bash and ash error texts', () => {
  it('command not found', () => {
    expect(bash('foo').stderr).toBe('bash: foo: command not found\n');
    expect(bash('foo').status).toBe(127);
    expect(ash('foo').stderr).toBe('sh: foo: not found\n');
    expect(ash('foo').status).toBe(127);
  });

  it('cd to a missing directory', () => {
    expect(bash('cd nope').stderr).toBe('bash: cd: nope: No such file or directory\n');
    expect(ash('cd nope').stderr).toBe("sh: cd: can't cd to nope: No such file or directory\n");
  });

  it('syntax errors', () => {
    expect(bash('if true; then fi').stderr).toBe("bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `if true; then fi'\n");
    expect(bash("echo 'abc").stderr).toBe("bash: -c: line 1: unexpected EOF while looking for matching `''\n");
    expect(ash('echo "abc').stderr).toBe('sh: syntax error: unterminated quoted string\n');
    expect(ash('if true; then fi').stderr).toBe('sh: syntax error: unexpected "fi"\n');
  });

  it('scripts report their name and line', () => {
    const m = testMachine();
    m.fs.writeFile('/home/learner/s.sh', 'echo ok\nnope\n');
    const r = runShell('bash', 'bash s.sh; sh s.sh', { machine: m });
    expect(r.stdout).toBe('ok\nok\n');
    expect(r.stderr).toBe('s.sh: line 2: nope: command not found\ns.sh: line 2: nope: not found\n');
  });
});

describe('exec', () => {
  it('exec replaces the shell in its process: the PID stays and the shell ends with the program', () => {
    const r = bash('echo $$; exec sh -c \'echo $$; exit 3\'; echo not reached');
    const [a, b] = r.stdout.trim().split('\n');
    expect(a).toBe(b);
    expect(r.status).toBe(3);
    expect(r.proc.argv).toEqual(['sh', '-c', 'echo $$; exit 3']);
  });
});

describe('bash features of the docs\' init scripts (expected from GNU bash 5.2)', () => {
  it('does not end a set -e shell on a failing if, while or until condition', () => {
    const r = bash('set -e; if false; then echo a; fi; while false; do :; done; until true; do :; done; echo still; false; echo never');
    expect([r.stdout, r.status]).toEqual(['still\n', 1]);
  });

  it('reads a file with $(< file), and says so when it is missing', () => {
    const r = bash('echo hi > f; echo "[$(<f)]"; x=$(< nope); echo "rc=$? [$x]"');
    expect(r.stdout).toBe('[hi]\nrc=1 []\n');
    expect(r.stderr).toBe('bash: nope: No such file or directory\n');
  });
});
