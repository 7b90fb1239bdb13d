/**
 * Scheduled sync ({@code docent index --every 1h} or a cron expression): {@link io.docent.indexer.schedule.Schedule}
 * parses the option, {@link io.docent.indexer.schedule.CronExpression} reads a five-field cron expression
 * with cron-utils (keeping cron's daylight-saving behaviour), and {@link
 * io.docent.indexer.schedule.ScheduledRunner} runs a task on the schedule in the foreground, never overlapping.
 */
package io.docent.indexer.schedule;
