package com.marginworkbench.margin;

/**
 * One step of the margin bridge: a cost line whose place in or out of COGS differs between the
 * workbook and the COGS test, and what moving it does to blended gross margin (a fraction; negative
 * when the line moves into COGS).
 */
public record BridgeItem(int lineIndex, String label, String source, boolean reportedInCogs, boolean restatedInCogs,
                         double amount, double gmImpact) {
}
