/** Configuration: environment variables first, then an optional properties file with the same keys. */
package io.docent.app.config;
