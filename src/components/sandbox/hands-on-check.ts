/**
 * Keeps the page's hands-on card in step with the cluster: the goal is judged from snapshots, and
 * its memory (for goals with history) survives reloads alongside the sandbox.
 */
import type { ClusterSnapshot } from 'podsim';
import { GOALS, type GoalMemory } from './goals.ts';
import { isDone, markDone } from './progress.ts';

export class HandsOnCheck {
  private readonly card = document.querySelector<HTMLElement>('[data-goal]');
  private readonly key: string;
  private memory: GoalMemory;

  constructor(page: string) {
    this.key = `podlab:goal:${page}`;
    this.memory = JSON.parse(localStorage.getItem(this.key) ?? '{}') as GoalMemory;
    if (isDone()) this.show(true, 'Done earlier. Reset the sandbox to try again.');
  }

  update(snap: ClusterSnapshot): void {
    const goal = this.card && GOALS[this.card.dataset.goal ?? ''];
    if (!goal) return;
    const before = JSON.stringify(this.memory);
    const done = goal.check(snap, this.memory);
    if (JSON.stringify(this.memory) !== before) localStorage.setItem(this.key, JSON.stringify(this.memory));
    if (done && this.card?.dataset.done !== 'true') {
      markDone();
      this.show(true, 'Done: the cluster is in the state the exercise asks for.');
    }
  }

  reset(): void {
    this.memory = {};
    localStorage.removeItem(this.key);
    this.show(false, 'Not done yet.');
  }

  private show(done: boolean, text: string): void {
    if (!this.card) return;
    this.card.dataset.done = String(done);
    const status = this.card.querySelector('[data-goal-status]');
    if (status) status.textContent = text;
  }
}
