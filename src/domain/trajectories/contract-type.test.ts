import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTRACT_SETTINGS, checkContractType, contractTypeAtTransfer, type ContractTypeInput } from './transfer.ts';

// young-adults-and-moves.md DR-YA-2 worked examples; "de Key" is the corporation with the early cut-off.
const cfg = { ...DEFAULT_CONTRACT_SETTINGS, earlyCutoffCorporations: ['DE-KEY'] };
const ex = (hasChildren: boolean, corporationCode: string, placementDate: string, ageAtPlacement: number, ageAtTransfer: number, exceptionGranted = false): ContractTypeInput => ({
  hasChildren, corporationCode, placementDate, ageAtPlacement, ageAtTransfer, exceptionGranted,
});

describe('R-YA-05 / DR-YA-2: contract type at lease transfer for young adults', () => {
  const cases: Array<[string, ContractTypeInput, string, number]> = [
    ['Ex 1: no children, de Key, 2018-03-15', ex(false, 'DE-KEY', '2018-03-15', 22, 24), 'FIVE_YEAR', 6],
    ['Ex 2: no children, other corporation, before 1 April 2018', ex(false, 'YMERE', '2018-03-15', 22, 24), 'INDEFINITE', 9],
    ['Ex 3: no children, other corporation, after 1 April 2018', ex(false, 'YMERE', '2018-05-02', 23, 25), 'FIVE_YEAR', 8],
    ['Ex 4: no children, de Key, before 1 January 2018', ex(false, 'DE-KEY', '2017-11-01', 21, 23), 'INDEFINITE', 7],
    ['Ex 5: children, placed before 1 June 2019', ex(true, 'EIGEN-HAARD', '2019-05-20', 24, 26), 'INDEFINITE', 5],
    ['Ex 6: children, placed after 1 June 2019', ex(true, 'ROCHDALE', '2019-07-01', 24, 26), 'FIVE_YEAR', 4],
    ['Ex 7: children cut-off applies to every corporation', ex(true, 'DE-KEY', '2018-06-01', 22, 24), 'INDEFINITE', 5],
    ['Ex 8: 28 at transfer', ex(false, 'STADGENOOT', '2019-01-10', 25, 28), 'NOT_B4', 3],
    ['Ex 9 (R-YA-06): exception granted by the field table', ex(false, 'DE-KEY', '2020-09-01', 20, 22, true), 'INDEFINITE', 1],
    ['Ex 10: on the cut-off date itself (proposal: new regime)', ex(false, 'ALLIANTIE', '2018-04-01', 21, 23), 'FIVE_YEAR', 10],
  ];
  for (const [name, input, outcome, row] of cases) {
    it(name, () => expect(contractTypeAtTransfer(input, cfg)).toEqual({ outcome, row }));
  }

  it('row 2: older than 25 at placement is not a five-year case', () => {
    expect(contractTypeAtTransfer(ex(false, 'YMERE', '2020-01-01', 26, 27), cfg)).toEqual({ outcome: 'NOT_B4', row: 2 });
  });

  it('row 10 is a setting: the cut-off day can be placed in the old regime', () => {
    expect(contractTypeAtTransfer(ex(false, 'ALLIANTIE', '2018-04-01', 21, 23), { ...cfg, cutoffDayIsNewRegime: false }).outcome).toBe('INDEFINITE');
  });
});

describe('R-YA-05: the contract type recorded at transfer is checked for young adults', () => {
  it('refuses an indefinite lease where DR-YA-2 gives a five-year contract, naming the row', () => {
    const v = checkContractType('indefinite', ex(true, 'ROCHDALE', '2019-07-01', 24, 26), cfg);
    expect(v).toMatchObject({ rule: 'R-YA-05', expected: 'FIVE_YEAR', row: 4 });
    expect(checkContractType('five_year', ex(true, 'ROCHDALE', '2019-07-01', 24, 26), cfg)).toBeNull();
  });
  it('an exception granted (R-YA-06) allows an indefinite lease; adults outside B4 get a regular lease', () => {
    expect(checkContractType('indefinite', ex(false, 'DE-KEY', '2020-09-01', 20, 22, true), cfg)).toBeNull();
    expect(checkContractType('indefinite', ex(false, 'YMERE', '2020-01-01', 40, 45), cfg)).toBeNull();
  });
});
