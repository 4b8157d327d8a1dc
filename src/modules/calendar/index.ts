export {
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  nextWorkingDay,
  unconfirmedYearsBetween,
  isValidDate,
  assertValidDate,
  addCalendarDays,
  dayOfWeek,
} from './working-days';
export type { Calendar } from './working-days';
export { builtinCalendar, builtinConfirmedYears, builtinDataYears, BUILTIN_CONFIRMED_YEARS } from './builtin';
export type { BuiltinCalendar } from './builtin';
export {
  loadCalendar,
  invalidateCalendarCache,
  addWorkingDaysFrom,
  workingDaysBetweenDates,
  describeYear,
  listYears,
  setOverride,
  removeOverride,
  confirmYear,
} from './service';
export type { LoadedCalendar, WorkingDaysResult, WorkingDaysCount, YearDescription, YearStatus, CalendarDay, OverrideInput, OverrideKind, CalendarOverrideRow, CalendarYearRow } from './service';
export { registerCalendarRoutes } from './routes';
