package io.docent.core.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made once per test run with the JDK's keytool: the Azure
 * SDKs send keys and tokens only over https, so the fake services speak https, and the clients trust exactly this
 * certificate (not "trust everything").
 */
final class TestTls {

    private static final char[] PASSWORD = "docent-test".toCharArray();
    private static TestTls instance;

    private final KeyStore keyStore;

    private TestTls(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    static synchronized TestTls get() {
        if (instance == null) {
            instance = new TestTls(generate());
        }
        return instance;
    }

    SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    TrustManagerFactory trust() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore);
            return trust;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SDKs' Netty client, trusting this certificate, with these timeouts. */
    HttpClient httpClient(Duration timeout) {
        try {
            SslContext ssl = SslContextBuilder.forClient().trustManager(trust()).build();
            reactor.netty.http.client.HttpClient netty =
                    reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(ssl));
            return new NettyAsyncHttpClientBuilder(netty)
                    .connectTimeout(timeout)
                    .responseTimeout(timeout)
                    .readTimeout(timeout)
                    .writeTimeout(timeout)
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpClient httpClient() {
        return httpClient(Duration.ofSeconds(10));
    }

    private static KeyStore generate() {
        try {
            Path dir = Files.createTempDirectory("docent-tls");
            Path file = dir.resolve("test.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            "docent-test",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            file.toString(),
                            "-storepass",
                            new String(PASSWORD),
                            "-keypass",
                            new String(PASSWORD)))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return store;
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
