export { calendarSource, coveredFrom, coveredTo, coveredYears } from './calendarCoverage.js';
export { CalendarInputError, CalendarYearNotCovered } from './errors.js';
export { type FirstDayCounts, type PublicityWindow, publicityWindow } from './publicityWindow.js';
export { type ShanghaiDate, toShanghaiDate } from './shanghaiDate.js';
export { addWorkingDays, isWorkingDay, workingDaysBetween, workingDaysIn } from './workingDay.js';
