/**
 * The Events API over HTTP: Slack's signed requests, received by any JDK {@code HttpServer}, handed to Bolt as
 * bolt-servlet would hand them (signature and timestamp checked by Bolt's {@code RequestVerification}).
 */
package io.docent.slack.http;
