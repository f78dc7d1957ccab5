package com.marginworkbench.workbook.restate;

import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds which of the cells a restatement points at hold text rather than a number. The reader
 * accepts numbers typed as text ("1,234", "(56)"), but a spreadsheet formula over such a cell
 * does not see the number, so the writer copies those amounts as values instead. One streaming
 * pass over each referenced sheet; only text cells in amount columns are remembered.
 */
final class SourceCellKinds {
    /** Per sheet (lower case), the columns that hold amounts; text is only looked for there. */
    private final Map<String, BitSet> wantedColumns = new HashMap<>();
    private final Set<String> text = new HashSet<>();

    static long key(int row, int column) {
        return ((long) row << 20) | column;
    }

    /** Asks about one cell of a sheet (by the sheet's name as the workbook spells it, any case). */
    void want(String sheet, int row, int column) {
        wantedColumns.computeIfAbsent(sheet.toLowerCase(Locale.ROOT), k -> new BitSet()).set(column);
    }

    boolean isText(String sheet, int row, int column) {
        return !text.isEmpty() && text.contains(sheet.toLowerCase(Locale.ROOT) + "!" + key(row, column));
    }

    void scan(SourcePackage pkg) throws IOException {
        for (SourcePackage.SheetEntry s : pkg.sheets) {
            String sheet = s.name().toLowerCase(Locale.ROOT);
            BitSet columns = wantedColumns.get(sheet);
            if (columns == null || s.part() == null) {
                continue;
            }
            try (InputStream in = pkg.open(s.part())) {
                scanSheet(in, sheet, columns);
            } catch (RuntimeException e) {
                throw new IOException("Cannot read sheet " + s.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A byte-level pass (several times faster than an XML parser on a big sheet): only the
     * attributes of cell and row tags matter, and a '<' never occurs unescaped inside text or
     * attribute values, so every other tag can be skipped to the next '<'.
     */
    void scanSheet(InputStream raw, String sheet, BitSet columns) throws IOException {
        Bytes in = new Bytes(raw);
        int row = -1;
        int column = -1;
        int b = in.next();
        while (b >= 0) {
            if (b != '<') {
                b = in.next();
                continue;
            }
            // Tag name: keep only what follows a prefix; "c" and "row" are the tags that matter.
            int nameLen = 0;
            int c0 = 0;
            int c1 = 0;
            int c2 = 0;
            b = in.next();
            while (b >= 0 && b != ' ' && b != '>' && b != '/' && b != '\t' && b != '\n' && b != '\r') {
                if (b == ':') {
                    nameLen = 0;
                } else {
                    if (nameLen == 0) {
                        c0 = b;
                    } else if (nameLen == 1) {
                        c1 = b;
                    } else if (nameLen == 2) {
                        c2 = b;
                    }
                    nameLen++;
                }
                b = in.next();
            }
            boolean cell = nameLen == 1 && c0 == 'c';
            boolean isRow = nameLen == 3 && c0 == 'r' && c1 == 'o' && c2 == 'w';
            if (!cell && !isRow) {
                continue;
            }
            int refRow = -1;
            int refCol = -1;
            int rowNumber = -1;
            boolean text = false;
            // Attributes up to the end of the tag: only r and t are read, straight from the bytes.
            int attrLen = 0;
            int attr0 = 0;
            while (b >= 0 && b != '>') {
                if (b == '"' || b == '\'') {
                    int quote = b;
                    boolean isR = attrLen == 1 && attr0 == 'r';
                    boolean isT = attrLen == 1 && attr0 == 't';
                    int col = 0;
                    int num = 0;
                    int first = -1;
                    b = in.next();
                    while (b >= 0 && b != quote) {
                        if (isR) {
                            if (b >= 'A' && b <= 'Z') {
                                col = col * 26 + (b - 'A' + 1);
                            } else if (b >= 'a' && b <= 'z') {
                                col = col * 26 + (b - 'a' + 1);
                            } else if (b >= '0' && b <= '9') {
                                num = num * 10 + (b - '0');
                            }
                        } else if (isT && first < 0) {
                            first = b;
                        }
                        b = in.next();
                    }
                    if (isR) {
                        if (cell) {
                            refRow = num - 1;
                            refCol = col - 1;
                        } else {
                            rowNumber = num - 1;
                        }
                    } else if (isT) {
                        // s, str, inlineStr: text; n, b, e and d are not.
                        text = first == 's' || first == 'i';
                    }
                    attrLen = 0;
                } else if (b != '=' && b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                    if (attrLen == 0) {
                        attr0 = b;
                    }
                    attrLen++;
                }
                b = in.next();
            }
            if (isRow) {
                row = rowNumber >= 0 ? rowNumber : row + 1;
                column = -1;
                continue;
            }
            if (refCol >= 0) {
                row = refRow >= 0 ? refRow : row;
                column = refCol;
            } else {
                column++;
            }
            if (text && column >= 0 && columns.get(column)) {
                this.text.add(sheet + "!" + key(row, column));
            }
        }
    }

    /** A buffered byte source without the per-call cost of a stream. */
    private static final class Bytes {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;

        Bytes(InputStream in) {
            this.in = in;
        }

        int next() throws IOException {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            return buf[pos++] & 0xFF;
        }
    }

    /** "AB12" → {11, 27} (0-based row, column). */
    private static int[] parse(String ref) {
        int col = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        int row = Integer.parseInt(ref.substring(i).replace("$", "").trim());
        return new int[] {row - 1, col - 1};
    }
}
