/**
 * {@code docent doctor}: {@link io.docent.core.doctor.HealthCheck}s of the configured backends, run by a {@link
 * io.docent.core.doctor.Doctor}, each outcome a {@link io.docent.core.doctor.Finding} that says what is wrong and how to
 * fix it. The checks of each backend live in its own package (for Azure: {@code io.docent.core.azure.AzureDoctor}).
 */
package io.docent.core.doctor;
