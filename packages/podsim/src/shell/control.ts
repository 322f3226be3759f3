/** Non-local control flow, thrown through the executor's generators. */
export class BreakSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}
export class ReturnSignal {
  constructor(readonly status: number) {}
}
export class ExitSignal {
  constructor(readonly status: number) {}
}
/** Ctrl+C in an interactive shell: abandon the current command line. */
export class InterruptSignal {}
