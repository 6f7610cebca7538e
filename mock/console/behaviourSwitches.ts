import { composeBehaviour, type Policy, type Variation } from '../behaviour';
import type { MockContext } from '../context';
import { ControlError } from '../control';
import { FAULTS, faultCatalogue, isFaultName, type FaultName } from '../faults';
import { READINGS, readingCatalogue, isReadingName, type ReadingName } from '../readings';

export type SwitchKind = 'fault' | 'reading';

/** A fault or a reading as the console offers it. */
export interface SwitchView {
  kind: SwitchKind;
  name: string;
  description: string;
  /** The rule(s) it breaks (a fault) or whose room it uses (a reading). */
  rules: string[];
  on: boolean;
  /** It sets a policy entry read once at start: the console cannot switch it; restart with the flag. */
  restartNeeded: boolean;
}

/**
 * Policy entries read once, when createMockServer builds the order book (expiry, out_order_no matching)
 * and the rate limiter. A variation that sets one would half-apply if switched live, so it is not offered.
 */
const FIXED_AT_START: ReadonlyArray<keyof Policy> = ['expire', 'expiryMs', 'outOrderNoMatch', 'rateLimitPerSecond'];
const fixedAtStart = (v: Variation): boolean => FIXED_AT_START.some((key) => v.policy?.[key] !== undefined);

export interface BehaviourSwitches {
  list(): SwitchView[];
  /** Turns a fault or reading on or off for the next requests; a ControlError when it cannot be. */
  set(kind: unknown, name: unknown, on: unknown): SwitchView[];
}

/** The faults and readings of a running mock, switchable: ctx.behaviour is recomposed, as createMockServer composes it. */
export function behaviourSwitches(ctx: MockContext): BehaviourSwitches {
  const faults: FaultName[] = [...(ctx.config.faults ?? [])];
  const readings: ReadingName[] = [...(ctx.config.readings ?? [])];
  const list = (): SwitchView[] => [
    ...faultCatalogue().map((f) => ({
      kind: 'fault' as const,
      name: f.name,
      description: f.description,
      rules: [f.ruleId],
      on: faults.includes(f.name),
      restartNeeded: fixedAtStart(FAULTS[f.name]),
    })),
    ...readingCatalogue().map((r) => ({
      kind: 'reading' as const,
      name: r.name,
      description: r.description,
      rules: [...r.rules],
      on: readings.includes(r.name),
      restartNeeded: fixedAtStart(READINGS[r.name]),
    })),
  ];
  const toggle = <N extends string>(active: N[], name: N, on: boolean): void => {
    const at = active.indexOf(name);
    if (on && at < 0) active.push(name);
    if (!on && at >= 0) active.splice(at, 1);
  };
  return {
    list,
    set(kind, name, on) {
      const field = (f: string) => ({ field: `/${f}`, location: 'body' as const });
      if (kind !== 'fault' && kind !== 'reading')
        throw new ControlError('PARAM_ERROR', 'kind must be "fault" or "reading"', field('kind'));
      if (typeof on !== 'boolean') throw new ControlError('PARAM_ERROR', 'on must be true or false', field('on'));
      const known = kind === 'fault' ? isFaultName(String(name)) : isReadingName(String(name));
      if (typeof name !== 'string' || !known)
        throw new ControlError('PARAM_ERROR', `no ${kind} ${JSON.stringify(name)}; see mock --help`, field('name'));
      const variation = kind === 'fault' ? FAULTS[name as FaultName] : READINGS[name as ReadingName];
      if (fixedAtStart(variation))
        throw new ControlError(
          'PARAM_ERROR',
          `${kind} ${name} is read when the mock starts; restart it with${on ? '' : 'out'} --${kind} ${name}`,
          field('name'),
        );
      if (kind === 'fault') toggle(faults, name as FaultName, on);
      else toggle(readings, name as ReadingName, on);
      // What the variations remember (the first Request-ID issued, racy inserts) carries over: a switch changes behaviour, not history.
      const { memory } = ctx.behaviour;
      ctx.behaviour = {
        ...composeBehaviour([...faults.map((f) => FAULTS[f]), ...readings.map((r) => READINGS[r])]),
        memory,
      };
      return list();
    },
  };
}
