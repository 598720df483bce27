import { describe, expect, it } from 'vitest';
import { codesIn } from './walk-support.ts';

describe('the code detector of the role walks', () => {
  it('finds rule, deadline, field, purpose, form and metric codes and translation keys', () => {
    const found = codesIn([
      'Afspraak R-OR-62.',
      'Termijn kennismakingsgesprek (D-08)',
      'Time-out (D-OV-09)',
      'Niet van toepassing (E-16)',
      'PB-1 — Matching',
      'Nieuw: F-2 Woonevaluatie',
      'M-03 geleverd',
      'home.module.monitor',
    ]);
    expect(found.map((f) => f.split(' "')[0])).toEqual(['rule ID', 'deadline ID', 'deadline ID', 'field code', 'purpose code', 'form code', 'metric ID', 'translation key']);
  });

  it('leaves words, dates, e-mail addresses, host names and file names alone', () => {
    expect(
      codesIn([
        'Woonevaluatie houden — uiterlijk 12 december 2026',
        'begeleider@demo.thuisroute.nl',
        'www.thuisroute.nl',
        'woonevaluatie-mila-2026-12-04.pdf',
        'Zorggroep Horizon — Begeleider',
        '2026-12-04',
        'Versie 3, bijgewerkt 4 december',
        'Stap 2 van 5',
      ]),
    ).toEqual([]);
  });
});
