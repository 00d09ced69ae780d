import { describe, expect, it } from 'vitest';
import { SameObjects, sameStrings } from '../../src/ui/logic/same-object';
import { nextReveal } from '../../src/ui/views/reveal-steps';

describe('the settings view draws its sections in steps', () => {
  const plan = { first: 3, step: 3 };

  it('the first render draws the top sections, each later step three more, until all eleven', () => {
    const steps: number[] = [];
    for (let shown = 0; shown < 11;) steps.push((shown = nextReveal(shown, 11, plan)));
    expect(steps).toEqual([3, 6, 9, 11]);
  });

  it('a view with fewer sections than the first step draws them all at once', () => {
    expect(nextReveal(0, 2, plan)).toBe(2);
  });
});

describe('a field renders again only when what it shows changed', () => {
  it('the same parts give back the object handed out before, so Lit sees no change', () => {
    const kept = new SameObjects<readonly string[]>(sameStrings);
    const first = kept.keep('SOCKA', ['TCP', 'test.usr.cn', '2317']);
    expect(kept.keep('SOCKA', ['TCP', 'test.usr.cn', '2317'])).toBe(first);
  });

  it('changed parts, and another setting, are new objects', () => {
    const kept = new SameObjects<readonly string[]>(sameStrings);
    const first = kept.keep('SOCKA', ['TCP', 'test.usr.cn', '2317']);
    const edited = kept.keep('SOCKA', ['TCP', 'test.usr.cn', '2318']);
    expect(edited).not.toBe(first);
    expect(edited).toEqual(['TCP', 'test.usr.cn', '2318']);
    expect(kept.keep('SOCKB', ['TCP', 'test.usr.cn', '2318'])).not.toBe(edited);
    expect(kept.keep('SOCKA', ['TCP', 'test.usr.cn'])).toEqual(['TCP', 'test.usr.cn']);
  });
});
