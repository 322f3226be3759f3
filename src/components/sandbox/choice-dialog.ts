/**
 * A small modal question (native <dialog>: focus kept inside, Escape cancels, focus returns to
 * where it was). Resolves with the chosen value, or undefined when cancelled.
 */
export interface Choice<T extends string> {
  value: T;
  label: string;
  primary?: boolean;
}

export function askChoice<T extends string>(host: HTMLElement, title: string, text: string, choices: Choice<T>[]): Promise<T | undefined> {
  const dialog = document.createElement('dialog');
  dialog.className = 'sbx-dialog';
  dialog.setAttribute('aria-labelledby', 'sbx-dialog-title');
  const h = document.createElement('h2');
  h.id = 'sbx-dialog-title';
  h.className = 'sbx-h';
  h.textContent = title;
  const p = document.createElement('p');
  p.textContent = text;
  const actions = document.createElement('div');
  actions.className = 'sbx-dialog-actions';
  dialog.append(h, p, actions);
  const returnTo = document.activeElement as HTMLElement | null;
  return new Promise<T | undefined>((resolve) => {
    let answer: T | undefined;
    for (const c of [...choices, { value: undefined, label: 'Cancel', primary: false }]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `sbx-btn${c.primary ? ' sbx-primary' : ''}`;
      b.textContent = c.label;
      if (c.value !== undefined) b.dataset.choice = c.value;
      b.addEventListener('click', () => {
        answer = c.value as T | undefined;
        dialog.close();
      });
      actions.append(b);
    }
    dialog.addEventListener('close', () => {
      dialog.remove();
      returnTo?.focus();
      resolve(answer);
    });
    host.append(dialog);
    dialog.showModal();
    actions.querySelector<HTMLElement>('.sbx-primary')?.focus();
  });
}
