package io.docent.indexer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docent.core.DocentException;
import io.docent.indexer.testing.CollectingSink;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Size limits hold while an entry is being written, not after: a highly compressible entry (64 MB of zeros, about 64
 * KB in the zip) never puts more than its limit on disk, whichever limit stops it.
 */
class ZipLimitsTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    /** Counts what reaches the disk: the most bytes any one extracted file ever held, and all bytes written. */
    private static final class CountingOutput implements SafeZipExtractor.Output {
        final AtomicLong largestFile = new AtomicLong();
        final AtomicLong total = new AtomicLong();

        @Override
        public OutputStream open(Path file) throws IOException {
            return new FilterOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                private long written;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    written += len;
                    total.addAndGet(len);
                    largestFile.accumulateAndGet(written, Math::max);
                }

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }
            };
        }
    }

    private Path bomb(String name) throws IOException {
        return new Zips().add("good.md", "# Good").addZeros(name, 64 * MB).write(dir.resolve("bomb.zip"));
    }

    @Test
    void an_entry_is_stopped_as_soon_as_it_passes_the_file_size_cap() throws IOException {
        Path zip = bomb("zeros.txt");
        ExportOptions options = ExportOptions.builder()
                .maxFileBytes(MB)
                .maxCompressionRatio(1_000_000) // so that the size cap, not the ratio, is what stops it
                .build();
        CountingOutput disk = new CountingOutput();

        SafeZipExtractor.Result result =
                new SafeZipExtractor(options, path -> false, disk).extract(zip, dir.resolve("out"));

        assertThat(disk.largestFile.get()).isLessThanOrEqualTo(MB);
        assertThat(result.extracted()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.documentId()).isEqualTo("zeros.txt");
            assertThat(f.reason()).isEqualTo("larger than the 1 MB limit; skipped");
        });
        assertThat(dir.resolve("out/zeros.txt")).doesNotExist();
        assertThat(dir.resolve("out/good.md")).exists();
    }

    @Test
    void an_entry_is_stopped_as_soon_as_it_passes_its_compression_ratio() throws IOException {
        Path zip = bomb("zeros.txt");
        CountingOutput disk = new CountingOutput();

        SafeZipExtractor.Result result = new SafeZipExtractor(
                        ExportOptions.builder().maxFileBytes(1024 * MB).build(), path -> false, disk)
                .extract(zip, dir.resolve("out"));

        assertThat(disk.largestFile.get()).isLessThanOrEqualTo(Math.max(MB, 100 * compressedSize(zip)));
        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("zip bomb"));
    }

    @Test
    void a_zip_is_refused_at_the_byte_that_passes_its_total_limit_not_after_the_entry() throws IOException {
        Path zip = bomb("zeros.txt");
        ExportOptions options = ExportOptions.builder()
                .maxFileBytes(1024 * MB)
                .maxCompressionRatio(1_000_000)
                .maxZipBytes(2 * MB)
                .build();
        CountingOutput disk = new CountingOutput();

        assertThatThrownBy(() -> new SafeZipExtractor(options, path -> false, disk).extract(zip, dir.resolve("out")))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("expands to more than the limit of 2 MB");
        assertThat(disk.total.get()).isLessThanOrEqualTo(2 * MB);
        assertThat(dir.resolve("out/zeros.txt")).doesNotExist();
    }

    @Test
    void an_entities_xml_over_its_own_limit_refuses_the_zip_and_writes_no_more_than_the_limit() throws IOException {
        Path zip = bomb("entities.xml");
        ExportOptions options = ExportOptions.builder()
                .maxEntitiesBytes(3 * MB)
                .maxCompressionRatio(1_000_000)
                .tempDir(dir.resolve("tmp"))
                .build();
        CountingOutput disk = new CountingOutput();

        assertThatThrownBy(() ->
                        new SafeZipExtractor(options, "entities.xml"::equals, disk).extract(zip, dir.resolve("out")))
                .isInstanceOf(DocentException.InvalidInput.class)
                .hasMessageContaining("entities.xml in")
                .hasMessageContaining("larger than the 3 MB limit");
        assertThat(disk.largestFile.get()).isLessThanOrEqualTo(3 * MB);
        // read as an export, the refusal reaches the caller, who then deletes nothing, and no temporary file is left
        assertThatThrownBy(() -> ExportReaders.detect(zip, options).read("eng", new CollectingSink()))
                .isInstanceOf(DocentException.InvalidInput.class);
        try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    private static long compressedSize(Path zip) throws IOException {
        return Files.size(zip); // an upper bound of the one large entry's compressed size
    }
}
