/**
 * Action 2's judgement matrix (overlast.md §6.3, R-OV-26…R-OV-29): the behaviour (conscious or
 * unconscious) and whether the complaint is justified give the row J1–J5 and its follow-up
 * actions; every row adds the general category-1 actions of R-OV-29. J5 (conscious and
 * unjustified) is not in the source: the J4 actions apply and the case is flagged for review
 * (R-OV-28, AMB-OV-03). Pure.
 */
import type { Behaviour, JudgementRow, Words } from './model.ts';

/** A message in Dutch and English. */
const T = (nl: string, en: string): Words => ({ nl, en });

export interface FollowUp { code: string; words: Words; rule: string }

/** Every follow-up action of category 1 (the codes `follow_up_done` records). */
export const FOLLOW_UPS = {
  inform_complainant_with_resident: T('De klager samen met de bewoner informeren', 'Inform the complainant together with the resident'),
  neighbour_contact_attention: T('In de begeleiding aandacht geven aan normaal burencontact', 'Pay attention to normal neighbour contact in the support'),
  agreements_and_tools: T('Afspraken maken met de bewoner en hulpmiddelen bieden om het gedrag te veranderen', 'Make agreements with the resident and offer tools to change the behaviour'),
  behaviour_adjustment_in_support_plan: T('De bewoner zeggen welk gedrag anders moet en dit vastleggen in het ondersteuningsplan', 'Tell the resident which behaviour must change and record it in the support plan'),
  inform_complainant_of_agreements: T('De klager informeren over de afspraken en hoe hij contact opneemt als de overlast terugkomt', 'Inform the complainant of the agreements and how to get in touch if the nuisance recurs'),
  six_week_check: T('Na zes weken bij de klager navragen of de klachten zijn verholpen', 'After six weeks ask the complainant whether the complaints are resolved'),
  joint_contact_complainant: T('Samen met de bewoner contact opnemen met de klager om het burencontact te herstellen', 'Contact the complainant together with the resident to restore the neighbour relationship'),
  beter_buren_if_needed: T('Als dat niet lukt: Beter Buren inschakelen (mag)', 'If that fails: involve Beter Buren (optional)'),
  written_feedback_to_corporation: T('Schriftelijke terugkoppeling over acties en afspraken aan de woningcorporatie', 'Written feedback on actions and agreements to the housing corporation'),
  registered_in_file: T('Acties en klachten vastleggen in het dossier van de bewoner', 'Register actions and complaints in the resident’s file'),
  neighbour_mediation_first: T('Bij een burenconflict eerst Buurtbemiddeling', 'In a neighbour conflict, neighbour mediation first'),
} as const;
export type FollowUpCode = keyof typeof FOLLOW_UPS;

/** R-OV-29: the general actions of every row; the first two must be recorded before a category-1 case closes. */
export const GENERAL_FOLLOW_UPS: ReadonlyArray<FollowUpCode> = ['written_feedback_to_corporation', 'registered_in_file', 'neighbour_mediation_first'];
export const REQUIRED_BEFORE_CLOSE: ReadonlyArray<FollowUpCode> = ['written_feedback_to_corporation', 'registered_in_file'];

const ROW_FOLLOW_UPS: Record<JudgementRow, ReadonlyArray<FollowUpCode>> = {
  J1: ['inform_complainant_with_resident', 'neighbour_contact_attention'],
  J2: ['agreements_and_tools', 'inform_complainant_with_resident', 'neighbour_contact_attention'],
  J3: ['behaviour_adjustment_in_support_plan', 'inform_complainant_of_agreements', 'six_week_check'],
  J4: ['joint_contact_complainant', 'beter_buren_if_needed'],
  J5: ['joint_contact_complainant', 'beter_buren_if_needed'],
};

const ROW_RULE: Record<JudgementRow, string> = { J1: 'R-OV-27', J2: 'R-OV-27', J3: 'R-OV-27', J4: 'R-OV-27', J5: 'R-OV-28' };

export interface JudgeInput {
  behaviour: Behaviour;
  justifiedPerCareProvider: boolean;
  /** Asked only for conscious + justified; absent counts as "does not agree" (J2). */
  residentAgreesJustified?: boolean | null;
}

/** The matrix row of a judgement (§6.3). */
export function judgementRow(input: JudgeInput): JudgementRow {
  if (input.behaviour === 'conscious') {
    if (!input.justifiedPerCareProvider) return 'J5';
    return input.residentAgreesJustified === true ? 'J1' : 'J2';
  }
  return input.justifiedPerCareProvider ? 'J3' : 'J4';
}

export function judge(input: JudgeInput): { row: JudgementRow; followUps: ReadonlyArray<FollowUp>; reviewFlag: boolean; sixWeekCheck: boolean } {
  const row = judgementRow(input);
  const rowRule = ROW_RULE[row];
  const followUps: FollowUp[] = [
    ...ROW_FOLLOW_UPS[row].map((code) => ({ code, words: FOLLOW_UPS[code], rule: code === 'six_week_check' ? 'D-OV-06' : rowRule })),
    ...GENERAL_FOLLOW_UPS.map((code) => ({ code, words: FOLLOW_UPS[code], rule: 'R-OV-29' })),
  ];
  return { row, followUps, reviewFlag: row === 'J5', sixWeekCheck: row === 'J3' };
}
