// The working-day calendar of Việt Nam (docs/working-calendar.md).
export * from './civilDate'
export * from './holidays'
export * from './workingCalendar'
export * from './entries'
export { KNOWN_DECISIONS } from './decisions'
export { LUNAR_TABLE } from './lunarTable'
