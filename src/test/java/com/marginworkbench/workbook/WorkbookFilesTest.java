package com.marginworkbench.workbook;

import com.marginworkbench.testing.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Files that are not workbooks, or not readable ones, each give one clear sentence. */
class WorkbookFilesTest {
    private static final Path CORPUS = TestFiles.poiCorpus();

    @TempDir
    Path dir;

    private static void assertOneLine(WorkbookReadException e, String fileName) {
        assertThat(e.getMessage()).contains(fileName).doesNotContain("\n").doesNotContain("Exception")
                .doesNotContain("at org.");
    }

    private static WorkbookReadException failure(Path file) {
        try {
            WorkbookReader.read(file);
        } catch (WorkbookReadException e) {
            return e;
        }
        throw new AssertionError(file + " was read");
    }

    private Path validWorkbook() throws IOException {
        Sheets s = new Sheets();
        s.row("P&L", 0, 0, "", "Jan-26", "Feb-26", "Mar-26");
        s.row("P&L", 1, 0, "Cost of revenue");
        for (int i = 0; i < 200; i++) {
            s.row("P&L", 2 + i, 0, "OpenAI API line " + i, 1000 + i, 2000 + i, 3000 + i);
        }
        return s.save(dir.resolve("valid.xlsx"));
    }

    @Test
    void missingEmptyAndFolder() throws IOException {
        assertThat(failure(dir.resolve("nope.xlsx")).getMessage()).contains("nope.xlsx").contains("not found");
        Path empty = Files.createFile(dir.resolve("empty.xlsx"));
        assertThat(failure(empty).getMessage()).contains("empty.xlsx").contains("empty");
        assertThat(failure(dir).getMessage()).contains("folder");
    }

    @Test
    void truncatedWorkbookIsDamaged() throws IOException {
        byte[] bytes = Files.readAllBytes(validWorkbook());
        Path cut = dir.resolve("cut.xlsx");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        WorkbookReadException e = failure(cut);
        assertOneLine(e, "cut.xlsx");
        assertThat(e.getMessage()).contains("damaged");
    }

    @Test
    void csvRenamedAndZipWithoutWorkbook() throws IOException {
        Path csv = dir.resolve("costs.xlsx");
        Files.writeString(csv, "Line,Jan-26,Feb-26\nOpenAI,10,20\n");
        assertThat(failure(csv).getMessage()).contains("costs.xlsx").contains("text file").contains(".xlsx");

        Path zip = dir.resolve("archive.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes());
            out.closeEntry();
        }
        assertThat(failure(zip).getMessage()).contains("archive.xlsx").contains("no Excel workbook");

        Path junk = dir.resolve("junk.xls");
        try (OutputStream out = Files.newOutputStream(junk)) {
            out.write(new byte[]{0, 1, 2, 3, 4, 5, (byte) 0xFF, 0});
        }
        assertThat(failure(junk).getMessage()).contains("junk.xls").contains("not an Excel workbook");
    }

    @Test
    void namedBadFilesFromTheCorpusSayWhatTheyAre() {
        assertThat(failure(CORPUS.resolve("protected_passtika.xlsx")).getMessage()).contains("password-protected")
                .contains("unprotected copy");
        assertThat(failure(CORPUS.resolve("password.xls")).getMessage()).contains("password-protected");
        assertThat(failure(CORPUS.resolve("SampleSS.strict.xlsx")).getMessage()).contains("Strict")
                .contains("Excel Workbook (.xlsx)");
        assertThat(failure(CORPUS.resolve("SimpleStrict.xlsx")).getMessage()).contains("Strict");
        assertThat(failure(CORPUS.resolve("comments.xlsb")).getMessage()).contains(".xlsb")
                .contains("Excel Workbook (.xlsx)");
        assertThat(failure(CORPUS.resolve("poc-xmlbomb.xlsx")).getMessage()).contains("bomb");
        assertThat(failure(CORPUS.resolve("duplicate-filename.xlsx")).getMessage()).contains("damaged")
                .doesNotContain(TestFiles.poiCorpus().toString());
    }

    /** Every corpus file: a correct read or one clear line, never another exception, a hang or a crash. */
    @Test
    @Tag("hostile")
    void everyCorpusFileReadsOrFailsWithOneClearLine() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.xls[xmb]?$")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(30);
        for (Path f : files) {
            String name = f.getFileName().toString();
            for (WorkbookReader.Route route : WorkbookReader.Route.values()) {
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                    try {
                        ReadResult r = WorkbookReader.read(f, null, route);
                        assertThat(r.model().costs()).as(name).isNotEmpty();
                        assertThat(r.decisions()).as(name).hasSameSizeAs(r.model().costs());
                    } catch (WorkbookReadException e) {
                        assertOneLine(e, name);
                    }
                }, name + " (" + route + ")");
            }
        }
    }

    /** Rewrites a valid workbook with its first sheet replaced, for hostile-content tests. */
    private Path withSheet(String name, byte[] sheetXml) throws IOException {
        Path source = validWorkbook();
        Path out = dir.resolve(name);
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(source.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(sheetXml);
                } else {
                    in.getInputStream(e).transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out;
    }

    @Test
    void streamingReadStopsZipAndXmlBombs() throws IOException {
        byte[] padding = new byte[40 * 1024 * 1024];
        java.util.Arrays.fill(padding, (byte) ' ');
        String head = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        bomb.write(head.getBytes());
        bomb.write(padding);
        bomb.write("<sheetData/></worksheet>".getBytes());
        Path zipBomb = withSheet("zip-bomb.xlsx", bomb.toByteArray());
        for (boolean streaming : new boolean[]{true, false}) {
            WorkbookReadException e = assertThrows(zipBomb, streaming);
            assertOneLine(e, "zip-bomb.xlsx");
            assertThat(e.getMessage()).contains("bomb");
        }

        String entities = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";
        Path xmlBomb = withSheet("xml-bomb.xlsx", entities.getBytes());
        WorkbookReadException e = assertThrows(xmlBomb, true);
        assertOneLine(e, "xml-bomb.xlsx");
    }

    private static WorkbookReadException assertThrows(Path file, boolean streaming) {
        try {
            WorkbookReader.read(file, null, streaming ? WorkbookReader.Route.STREAMING : WorkbookReader.Route.USER_MODEL);
        } catch (WorkbookReadException e) {
            return e;
        }
        throw new AssertionError(file + " was read");
    }

    @Test
    void readOnlyNeverTouchesTheSource() throws Exception {
        Path file = validWorkbook();
        byte[] before = Files.readAllBytes(file);
        var modified = Files.getLastModifiedTime(file);
        ReadResult r = WorkbookReader.read(file);
        assertThat(r.model().costs()).hasSize(200);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }

    @Test
    void progressIsReportedAndCancelStops() throws Exception {
        Path file = validWorkbook();
        List<Double> seen = new java.util.ArrayList<>();
        WorkbookReader.read(file, (f, step) -> seen.add(f));
        assertThat(seen).isNotEmpty().isSorted();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
        assertThatThrownBy(() -> WorkbookReader.read(file, new Progress() {
            @Override
            public void update(double fraction, String step) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        })).isInstanceOf(ReadCancelled.class);
    }
}
