import { workingDaysBetween, type Calendar } from '../calendar';

/** 归集时限: a record must reach the platform within 7 working days of its decision (seeds 001, 002, 004). */
export const TIMELINESS_WORKING_DAYS = 7;

export interface Timeliness {
  arrivalWorkingDays: number;
  late: boolean;
}

/** Working days from the decision to the arrival (official holidays and make-up days counted). */
export function timelinessOf(calendar: Calendar, decisionDate: string, arrivalDate: string): Timeliness {
  const arrivalWorkingDays = workingDaysBetween(decisionDate, arrivalDate, calendar);
  return { arrivalWorkingDays, late: arrivalWorkingDays > TIMELINESS_WORKING_DAYS };
}
