package com.marginworkbench.workbook.cells;

import com.marginworkbench.workbook.Progress;
import com.marginworkbench.workbook.ReadCancelled;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A byte-level scanner for a worksheet part. It reads tags and text in one pass, ignores every
 * element but row, c, v, f, the t of inline strings and the hidden columns of col, and decodes the five XML entities and
 * character references. A DOCTYPE is refused outright.
 */
final class SheetScanner extends SheetBytes {
    private final GridSheet grid;
    private final List<String> strings;
    private final GridCell.Format[] formats;
    private final Progress progress;
    private final SharedFormulas sharedFormulas = new SharedFormulas();

    private int row = -1;
    private int col = -1;
    private String type;
    private int style = -1;
    private String formula;
    private String value;
    /** Marks a value already parsed into {@code fastNumber}; compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String FAST = new String("fast");
    /** The value parsed straight from the bytes of a plain number, or NaN when it needs the slow path. */
    private double fastNumber;
    private String inline;
    private boolean inInline;
    private boolean inPhonetic;
    private String fType;
    private String fSi;
    private boolean fRef;
    private long cells;

    SheetScanner(InputStream in, GridSheet grid, List<String> strings, GridCell.Format[] formats,
                 Progress progress) {
        super(in);
        this.grid = grid;
        this.strings = strings;
        this.formats = formats;
        this.progress = progress;
    }

    void scan() throws IOException, ReadCancelled {
        int b;
        while (true) {
            // Text between tags (line breaks, mostly) is skipped without a call per byte.
            byte[] bytes = buf;
            int p = pos;
            int limit = len;
            while (p < limit && bytes[p] != '<') {
                p++;
            }
            pos = p;
            if ((b = next()) < 0) {
                break;
            }
            if (b != '<') {
                continue;
            }
            if (pos + 1 < len && buf[pos] == 'c' && buf[pos + 1] == ' ' && fastCell()) {
                continue;
            }
            if (pos + 3 < len && buf[pos] == 'r' && buf[pos + 1] == 'o' && buf[pos + 2] == 'w'
                    && (buf[pos + 3] == ' ' || buf[pos + 3] == '>')) {
                int r = fastRow();
                if (r != NOT_FAST) {
                    row = r > 0 ? r - 1 : row + 1;
                    col = -1;
                    continue;
                }
            }
            b = next();
            if (b == '/') {
                if (readName(next()) != '>') {
                    skipTo('>');
                }
                endElement();
            } else if (b == '?') {
                skipTo('>');
            } else if (b == '!') {
                skipDeclaration();
            } else {
                startElement(readName(b));
            }
        }
    }

    /**
     * The cell as nearly every large sheet writes it, {@code <c r="B7" s="2" t="n"><v>12.5</v></c>}
     * (or self-closing, or a shared string, boolean, error or formula-less text), read straight from
     * the buffer when it lies wholly inside it: no call per byte and no string for a number. Anything
     * else (a formula, an inline string, an entity, a prefix, a cell split across two reads) returns
     * false with nothing consumed, and the general path reads it.
     */
    private boolean fastCell() throws ReadCancelled {
        final byte[] bytes = buf;
        final int end = len;
        int p = pos + 2;
        int cellRow = row;
        int cellCol = col + 1;
        int cellStyle = -1;
        int typeStart = -1;
        int typeLen = 0;
        // attributes
        while (true) {
            while (p < end && bytes[p] == ' ') {
                p++;
            }
            if (p >= end) {
                return false;
            }
            byte a = bytes[p];
            if (a == '>' || a == '/') {
                break;
            }
            int nameStart = p;
            while (p < end && bytes[p] != '=' && bytes[p] != ' ' && bytes[p] != ':' && bytes[p] != '>') {
                if (bytes[p] == '\n' || bytes[p] == '\r' || bytes[p] == '\t') {
                    return false;
                }
                p++;
            }
            if (p + 1 >= end || bytes[p] != '=' || bytes[p + 1] != '"') {
                return false;
            }
            int nameLength = p - nameStart;
            int v = p + 2;
            int q = v;
            while (q < end && bytes[q] != '"') {
                if (bytes[q] == '&') {
                    return false;
                }
                q++;
            }
            if (q >= end) {
                return false;
            }
            if (nameLength == 1) {
                byte n = bytes[nameStart];
                if (n == 'r') {
                    int i = v;
                    int c = 0;
                    while (i < q && (bytes[i] >= 'A' && bytes[i] <= 'Z')) {
                        c = c * 26 + (bytes[i] - 'A' + 1);
                        i++;
                    }
                    int r = 0;
                    for (int k = i; k < q; k++) {
                        int d = bytes[k] - '0';
                        if (d < 0 || d > 9 || k - i > 7) {
                            return false;
                        }
                        r = r * 10 + d;
                    }
                    if (i == v || i - v > 3 || i == q) {
                        return false;
                    }
                    cellCol = c - 1;
                    cellRow = r - 1;
                } else if (n == 's') {
                    int st = 0;
                    for (int k = v; k < q; k++) {
                        int d = bytes[k] - '0';
                        if (d < 0 || d > 9 || k - v > 8) {
                            return false;
                        }
                        st = st * 10 + d;
                    }
                    cellStyle = q == v ? -1 : st;
                } else if (n == 't') {
                    typeStart = v;
                    typeLen = q - v;
                }
            }
            p = q + 1;
        }
        char kind = 'n';
        if (typeStart >= 0) {
            if (typeLen == 1) {
                kind = (char) bytes[typeStart];
                if (kind != 'n' && kind != 's' && kind != 'b' && kind != 'e') {
                    return false;
                }
            } else if (typeLen == 3 && bytes[typeStart] == 's' && bytes[typeStart + 1] == 't'
                    && bytes[typeStart + 2] == 'r') {
                kind = 't';
            } else if (typeLen == 9 && startsWith(bytes, typeStart, INLINE_STR, end)) {
                kind = 'i';
            } else {
                return false;
            }
        }
        int valueStart = -1;
        int valueEnd = -1;
        if (bytes[p] == '/') {
            if (p + 1 >= end || bytes[p + 1] != '>') {
                return false;
            }
            p += 2;
        } else if (kind == 'i') {
            // p at '>': exactly <is><t>text</t></is></c> must follow (or <t xml:space="preserve">).
            int q = p + 1;
            if (startsWith(bytes, q, IS_T, end)) {
                q += IS_T.length;
            } else if (startsWith(bytes, q, IS_T_PRESERVE, end)) {
                q += IS_T_PRESERVE.length;
            } else {
                return false;
            }
            valueStart = q;
            while (q < end && bytes[q] != '<') {
                if (bytes[q] == '&') {
                    return false;
                }
                q++;
            }
            if (!startsWith(bytes, q, T_IS_C, end)) {
                return false;
            }
            valueEnd = q;
            p = q + T_IS_C.length;
        } else {
            // p at '>': exactly <v>text</v></c> must follow.
            if (p + 4 >= end || bytes[p + 1] != '<') {
                return false;
            }
            if (bytes[p + 2] == '/' && bytes[p + 3] == 'c' && bytes[p + 4] == '>') {
                p += 5;
            } else {
                if (bytes[p + 2] != 'v' || bytes[p + 3] != '>') {
                    return false;
                }
                valueStart = p + 4;
                int q = valueStart;
                while (q < end && bytes[q] != '<') {
                    if (bytes[q] == '&' || bytes[q] < 0) {
                        return false;
                    }
                    q++;
                }
                if (q + 7 >= end || bytes[q + 1] != '/' || bytes[q + 2] != 'v' || bytes[q + 3] != '>'
                        || bytes[q + 4] != '<' || bytes[q + 5] != '/' || bytes[q + 6] != 'c'
                        || bytes[q + 7] != '>') {
                    return false;
                }
                valueEnd = q;
                p = q + 8;
            }
        }
        // Committed: the cell is consumed.
        pos = p;
        row = cellRow;
        col = cellCol;
        if (++cells % 65_536 == 0 && progress != null && progress.cancelled()) {
            throw new ReadCancelled();
        }
        if (row < 0 || col < 0 || valueStart < 0 && (kind == 'n' || kind == 's')) {
            // No value and no formula: nothing to keep (the general path drops it the same way).
            return true;
        }
        if (kind == 'n') {
            double v = parseDecimal(bytes, valueStart, valueEnd);
            if (Double.isNaN(v)) {
                String text = new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
                if (text.isEmpty()) {
                    return true;
                }
                try {
                    v = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    grid.set(row, col, GridCell.text(text, null));
                    return true;
                }
            }
            GridCell.Format f = cellStyle >= 0 && cellStyle < formats.length ? formats[cellStyle]
                    : GridCell.Format.GENERAL;
            if (f == GridCell.Format.GENERAL) {
                grid.setNumber(row, col, v);
            } else {
                grid.set(row, col, GridCell.number(v, null, f));
            }
            return true;
        }
        if (kind == 'i') {
            if (valueStart >= 0) {
                grid.set(row, col, GridCell.text(VisibleText.decodeEscapes(new String(bytes, valueStart,
                        valueEnd - valueStart, StandardCharsets.UTF_8)), null));
            }
            return true;
        }
        // The general path keeps the rest: shared strings, booleans, errors, formula-less text.
        type = kind == 's' ? "s" : kind == 'b' ? "b" : kind == 'e' ? "e" : "str";
        style = cellStyle;
        formula = null;
        inline = null;
        fastNumber = Double.NaN;
        value = valueStart < 0 ? null
                : new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
        finishCell();
        return true;
    }

    private static final byte[] INLINE_STR = "inlineStr".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IS_T = "<is><t>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IS_T_PRESERVE = "<is><t xml:space=\"preserve\">".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] T_IS_C = "</t></is></c>".getBytes(StandardCharsets.US_ASCII);

    private static final int CELL = 1;
    private static final int ROW = 2;
    private static final int FORMULA = 3;
    private static final int COLUMN = 4;

    @Override
    void attribute(int element, int nLen, int vLen) {
        if (element == CELL) {
            if (attrIs(nLen, "r")) {
                int i = 0;
                int c = 0;
                while (i < vLen && (attrValue[i] >= 'A' && attrValue[i] <= 'Z' || attrValue[i] >= 'a' && attrValue[i] <= 'z')) {
                    c = c * 26 + (Character.toUpperCase(attrValue[i]) - 'A' + 1);
                    i++;
                }
                col = c - 1;
                int r = 0;
                for (int k = i; k < vLen; k++) {
                    r = r * 10 + (attrValue[k] - '0');
                }
                if (i < vLen) {
                    row = r - 1;
                }
                cellHasRef = true;
            } else if (attrIs(nLen, "s")) {
                style = attrInt(vLen);
            } else if (attrIs(nLen, "t")) {
                type = vLen == 1 && attrValue[0] == 'n' ? null : vLen == 1 && attrValue[0] == 's' ? "s"
                        : attrString(vLen);
            }
        } else if (element == ROW) {
            if (attrIs(nLen, "r")) {
                int r = attrInt(vLen);
                if (r > 0) {
                    row = r - 1;
                    rowHasRef = true;
                }
            }
        } else if (element == COLUMN) {
            if (attrIs(nLen, "min")) {
                colMin = attrInt(vLen);
            } else if (attrIs(nLen, "max")) {
                colMax = attrInt(vLen);
            } else if (attrIs(nLen, "hidden")) {
                colHidden = vLen > 0 && (attrValue[0] == '1' || attrValue[0] == 't');
            }
        } else if (element == FORMULA) {
            if (attrIs(nLen, "t")) {
                fType = attrString(vLen);
            } else if (attrIs(nLen, "si")) {
                fSi = attrString(vLen);
            } else if (attrIs(nLen, "ref")) {
                fRef = true;
            }
        }
    }

    private boolean cellHasRef;
    private boolean rowHasRef;
    /** The {@code <col>} element being read: its 1-based column range and whether it is hidden. */
    private int colMin;
    private int colMax;
    private boolean colHidden;

    private void startElement(int b) throws IOException, ReadCancelled {
        if (nameIs("c")) {
            type = null;
            style = -1;
            formula = null;
            value = null;
            fastNumber = Double.NaN;
            inline = null;
            cellHasRef = false;
            int previousCol = col;
            boolean selfClosing = attributes(b, CELL);
            if (!cellHasRef) {
                col = previousCol + 1;
            }
            if (++cells % 65_536 == 0 && progress != null && progress.cancelled()) {
                throw new ReadCancelled();
            }
            if (selfClosing) {
                finishCell();
            }
        } else if (nameIs("v")) {
            if (!attributes(b, IGNORE)) {
                boolean numeric = type == null && formula == null;
                if (numeric) {
                    readRaw();
                    fastNumber = parseDecimal();
                    value = Double.isNaN(fastNumber) ? decode() : FAST;
                } else {
                    value = readText();
                }
            }
        } else if (nameIs("f")) {
            fType = null;
            fSi = null;
            fRef = false;
            boolean selfClosing = attributes(b, FORMULA);
            finishFormula(selfClosing ? "" : readText());
        } else if (nameIs("row")) {
            rowHasRef = false;
            int previousRow = row;
            attributes(b, ROW);
            if (!rowHasRef) {
                row = previousRow + 1;
            }
            col = -1;
        } else if (nameIs("col")) {
            colMin = -1;
            colMax = -1;
            colHidden = false;
            attributes(b, COLUMN);
            if (colHidden && colMin > 0) {
                grid.hideColumns(colMin - 1, Math.max(colMin, colMax) - 1);
            }
        } else if (nameIs("is")) {
            inInline = !attributes(b, IGNORE);
        } else if (nameIs("rPh")) {
            inPhonetic = !attributes(b, IGNORE);
        } else if (nameIs("t") && inInline && !inPhonetic) {
            if (!attributes(b, IGNORE)) {
                String t = readText();
                inline = inline == null ? t : inline + t;
            }
        } else {
            attributes(b, IGNORE);
        }
    }

    private void endElement() {
        if (nameIs("c")) {
            finishCell();
        } else if (nameIs("is")) {
            inInline = false;
        } else if (nameIs("rPh")) {
            inPhonetic = false;
        }
    }

    private void finishFormula(String f) {
        f = sharedFormulas.resolve(fType, fSi, fRef, f, row, col);
        formula = f.isEmpty() ? "?" : f;
    }

    private void finishCell() {
        if (row < 0 || col < 0) {
            return;
        }
        GridCell cell;
        String t = type == null ? "n" : type;
        switch (t) {
            case "s" -> {
                if (value == null) {
                    return;
                }
                int idx;
                try {
                    idx = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    return;
                }
                if (idx < 0 || idx >= strings.size()) {
                    return;
                }
                cell = GridCell.text(strings.get(idx), formula);
            }
            case "inlineStr" -> {
                if (inline == null) {
                    return;
                }
                cell = GridCell.text(VisibleText.decodeEscapes(inline), formula);
            }
            case "str", "d" -> cell = value == null ? noValue() : GridCell.text(value, formula);
            case "b" -> cell = value == null ? noValue() : new GridCell(GridCell.Kind.BOOLEAN,
                    "1".equals(value) ? 1 : 0, "1".equals(value) ? "TRUE" : "FALSE", formula,
                    GridCell.Format.GENERAL);
            case "e" -> cell = new GridCell(GridCell.Kind.ERROR, 0, value == null ? "#ERROR" : value, formula,
                    GridCell.Format.GENERAL);
            default -> {
                if (value == null || value.isEmpty()) {
                    if (formula == null) {
                        return;
                    }
                    cell = noValue();
                } else {
                    try {
                        double v = value == FAST ? fastNumber : Double.parseDouble(value);
                        GridCell.Format f = style >= 0 && style < formats.length ? formats[style]
                                : GridCell.Format.GENERAL;
                        if (formula == null && f == GridCell.Format.GENERAL) {
                            grid.setNumber(row, col, v);
                            return;
                        }
                        cell = GridCell.number(v, formula,
                                style >= 0 && style < formats.length ? formats[style] : GridCell.Format.GENERAL);
                    } catch (NumberFormatException e) {
                        cell = GridCell.text(value, formula);
                    }
                }
            }
        }
        grid.set(row, col, cell);
    }

    private GridCell noValue() {
        return new GridCell(GridCell.Kind.NO_VALUE, 0, "saved without its result; open the workbook in Excel"
                + " and save it so the result is stored", formula, GridCell.Format.GENERAL);
    }
}
