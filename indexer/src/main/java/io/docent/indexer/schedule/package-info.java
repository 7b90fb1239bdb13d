/**
 * Scheduled sync ({@code docent index --every 1h} or a cron expression): {@link io.docent.indexer.schedule.Schedule}
 * parses the option, {@link io.docent.indexer.schedule.CronExpression} is a five-field cron parser, and {@link
 * io.docent.indexer.schedule.ScheduledRunner} runs a task on the schedule in the foreground, never overlapping.
 */
package io.docent.indexer.schedule;
