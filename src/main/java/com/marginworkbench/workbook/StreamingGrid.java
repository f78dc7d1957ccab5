package com.marginworkbench.workbook;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of a large .xlsx with XSSFReader and SAX, one sheet at a time, into
 * {@link GridSheet}s: a few dozen bytes a cell instead of the user model's kilobyte and more.
 * Saved formula results are used as they are; a formula saved without a result is kept as
 * "no value" (reported, never read as zero), since recalculating needs the user model.
 */
final class StreamingGrid {
    private static final Pattern REF = Pattern.compile("(\\$?)([A-Z]{1,3})(\\$?)(\\d{1,7})(?![A-Z0-9(!])");

    private StreamingGrid() {
    }

    static List<GridSheet> of(OPCPackage pkg, WorkbookReader.Progress progress) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        Map<String, Boolean> hidden = sheetStates(reader);
        List<GridSheet> out = new ArrayList<>();
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
        int index = 0;
        while (it.hasNext()) {
            try (InputStream in = it.next()) {
                String name = it.getSheetName();
                GridSheet grid = new GridSheet(name, Boolean.TRUE.equals(hidden.get(name)));
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(grid, strings, styles, progress));
                xml.parse(new InputSource(in));
                out.add(grid);
                index++;
                if (progress != null) {
                    progress.update(Math.min(0.9, 0.3 + 0.1 * index), "Read sheet " + name);
                }
            }
        }
        return out;
    }

    private static Map<String, Boolean> sheetStates(XSSFReader reader) throws Exception {
        Map<String, Boolean> states = new HashMap<>();
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes a) {
                    if ("sheet".equals(local)) {
                        String state = a.getValue("state");
                        states.put(a.getValue("name"), state != null && !"visible".equals(state));
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
        return states;
    }

    /** Shifts the relative references of a shared formula from its first cell to another. */
    static String shift(String formula, int rows, int cols) {
        if (rows == 0 && cols == 0) {
            return formula;
        }
        StringBuilder sb = new StringBuilder();
        Matcher m = REF.matcher(formula);
        int last = 0;
        boolean inString = false;
        while (m.find()) {
            for (int k = last; k < m.start(); k++) {
                if (formula.charAt(k) == '"') {
                    inString = !inString;
                }
            }
            sb.append(formula, last, m.start());
            if (inString || m.start() > 0 && Character.isLetterOrDigit(formula.charAt(m.start() - 1))) {
                sb.append(m.group());
            } else {
                int col = column(m.group(2));
                int row = Integer.parseInt(m.group(4));
                if (m.group(1).isEmpty()) {
                    col += cols;
                }
                if (m.group(3).isEmpty()) {
                    row += rows;
                }
                sb.append(m.group(1)).append(com.marginworkbench.model.SourceRef.columnName(Math.max(0, col)))
                        .append(m.group(3)).append(Math.max(1, row));
            }
            last = m.end();
        }
        sb.append(formula.substring(last));
        return sb.toString();
    }

    private static int column(String letters) {
        int c = 0;
        for (int i = 0; i < letters.length(); i++) {
            c = c * 26 + (letters.charAt(i) - 'A' + 1);
        }
        return c - 1;
    }

    private static final class SheetHandler extends DefaultHandler {
        private record Shared(String formula, int row, int col) {
        }

        private final GridSheet grid;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final WorkbookReader.Progress progress;
        private final Map<Integer, GridCell.Format> formats = new HashMap<>();
        private final Map<String, Shared> shared = new HashMap<>();
        private final StringBuilder text = new StringBuilder();

        private int row = -1;
        private int col = -1;
        private String type;
        private int style;
        private String formula;
        private String value;
        private String inline;
        private boolean collecting;
        private boolean inFormula;
        private String sharedIndex;
        private boolean sharedMaster;
        private long cells;

        SheetHandler(GridSheet grid, ReadOnlySharedStringsTable strings, StylesTable styles,
                     WorkbookReader.Progress progress) {
            this.grid = grid;
            this.strings = strings;
            this.styles = styles;
            this.progress = progress;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
            switch (local) {
                case "row" -> {
                    String r = a.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                    col = -1;
                }
                case "c" -> {
                    String r = a.getValue("r");
                    if (r != null) {
                        int i = 0;
                        int c = 0;
                        while (i < r.length() && Character.isLetter(r.charAt(i))) {
                            c = c * 26 + (Character.toUpperCase(r.charAt(i)) - 'A' + 1);
                            i++;
                        }
                        col = c - 1;
                        if (i < r.length()) {
                            row = Integer.parseInt(r.substring(i)) - 1;
                        }
                    } else {
                        col++;
                    }
                    type = a.getValue("t");
                    String s = a.getValue("s");
                    style = s == null ? -1 : Integer.parseInt(s);
                    formula = null;
                    value = null;
                    inline = null;
                    if (++cells % 50_000 == 0 && progress != null && progress.cancelled()) {
                        throw new SAXException(new WorkbookReader.Cancelled());
                    }
                }
                case "f" -> {
                    inFormula = true;
                    collecting = true;
                    text.setLength(0);
                    sharedIndex = "shared".equals(a.getValue("t")) ? a.getValue("si") : null;
                    sharedMaster = a.getValue("ref") != null;
                }
                case "v", "t" -> {
                    collecting = true;
                    text.setLength(0);
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "f" -> {
                    inFormula = false;
                    collecting = false;
                    String f = text.toString();
                    if (sharedIndex != null) {
                        if (sharedMaster || !f.isEmpty()) {
                            shared.put(sharedIndex, new Shared(f, row, col));
                        } else {
                            Shared master = shared.get(sharedIndex);
                            f = master == null ? "?" : shift(master.formula, row - master.row, col - master.col);
                        }
                    }
                    formula = f.isEmpty() ? "?" : f;
                }
                case "v" -> {
                    collecting = false;
                    value = text.toString();
                }
                case "t" -> {
                    collecting = false;
                    if (!inFormula) {
                        inline = inline == null ? text.toString() : inline + text;
                    }
                }
                case "c" -> finishCell();
                default -> {
                }
            }
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
                    cell = GridCell.text(strings.getItemAt(Integer.parseInt(value.trim())).getString(), formula);
                }
                case "inlineStr" -> {
                    if (inline == null) {
                        return;
                    }
                    cell = GridCell.text(inline, formula);
                }
                case "str" -> cell = value == null ? noValue() : GridCell.text(value, formula);
                case "b" -> cell = value == null ? noValue() : new GridCell(GridCell.Kind.BOOLEAN,
                        "1".equals(value) ? 1 : 0, "1".equals(value) ? "TRUE" : "FALSE", formula,
                        GridCell.Format.GENERAL);
                case "e" -> cell = new GridCell(GridCell.Kind.ERROR, 0, value == null ? "#ERROR" : value, formula,
                        GridCell.Format.GENERAL);
                case "d" -> cell = value == null ? noValue() : GridCell.text(value, formula);
                default -> {
                    if (value == null || value.isEmpty()) {
                        if (formula == null) {
                            return;
                        }
                        cell = noValue();
                    } else {
                        double v;
                        try {
                            v = Double.parseDouble(value);
                        } catch (NumberFormatException e) {
                            cell = GridCell.text(value, formula);
                            grid.set(row, col, cell);
                            return;
                        }
                        cell = GridCell.number(v, formula, format(style));
                    }
                }
            }
            grid.set(row, col, cell);
        }

        private GridCell noValue() {
            return new GridCell(GridCell.Kind.NO_VALUE, 0, "saved without its result; open the workbook in Excel"
                    + " and save it so the result is stored", formula, GridCell.Format.GENERAL);
        }

        private GridCell.Format format(int s) {
            if (s < 0 || styles == null) {
                return GridCell.Format.GENERAL;
            }
            return formats.computeIfAbsent(s, k -> {
                try {
                    XSSFCellStyle st = styles.getStyleAt(k);
                    if (st == null) {
                        return GridCell.Format.GENERAL;
                    }
                    String f = st.getDataFormatString();
                    if (f != null && f.contains("%")) {
                        return GridCell.Format.PERCENT;
                    }
                    return DateUtil.isADateFormat(st.getDataFormat(), f) ? GridCell.Format.DATE
                            : GridCell.Format.GENERAL;
                } catch (RuntimeException e) {
                    return GridCell.Format.GENERAL;
                }
            });
        }
    }
}
