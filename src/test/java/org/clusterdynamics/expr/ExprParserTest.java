package org.clusterdynamics.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clusterdynamics.expr.Expr.BinaryOp;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.VarName;
import org.junit.jupiter.api.Test;

/** The parser builds the expected trees for both syntaxes and says where it stopped. */
class ExprParserTest {

    private static Expr xmile(String s) throws ParseException {
        return ExprParser.parse(s, Dialect.XMILE);
    }

    private static Expr vensim(String s) throws ParseException {
        return ExprParser.parse(s, Dialect.VENSIM);
    }

    private static Expr num(double v) {
        return new Expr.Num(v);
    }

    private static Expr ref(String name) {
        return new Expr.Ref(VarName.of(name), List.of());
    }

    private static Expr bin(BinaryOp op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r);
    }

    @Test
    void equationsTooDeepForTheLaterStagesAreRefusedInWords() throws ParseException {
        // what models hold: long sums and nested parentheses well within the limits
        assertEquals(ExprParser.MAX_DEPTH, ExprParser.depth(xmile(String.join("+", java.util.Collections.nCopies(
                ExprParser.MAX_DEPTH, "1")))));
        xmile("(".repeat(150) + "x" + ")".repeat(150));
        ParseException chain = assertThrows(ParseException.class,
                () -> xmile(String.join("+", java.util.Collections.nCopies(ExprParser.MAX_DEPTH + 1, "1"))));
        assertTrue(chain.getMessage().contains("more than 1000 levels deep"), chain.getMessage());
        // far beyond: no StackOverflowError from the parser itself
        for (String deep : new String[] {"(".repeat(100_000) + "1" + ")".repeat(100_000), "-".repeat(100_000) + "1",
            "2^".repeat(100_000) + "2", "f(".repeat(100_000) + "1" + ")".repeat(100_000)}) {
            ParseException e = assertThrows(ParseException.class, () -> vensim(deep));
            assertTrue(e.getMessage().contains("too deeply"), e.getMessage());
        }
    }

    @Test
    void unaryMinusBindsLooserThanPower() throws ParseException {
        assertEquals(new Expr.Unary(Expr.UnaryOp.NEG, bin(BinaryOp.POW, num(2), num(2))), xmile("-2^2"));
        assertEquals(bin(BinaryOp.POW, num(2), num(-1)), xmile("2^-1"));
    }

    @Test
    void powersGroupRightToLeft() throws ParseException {
        assertEquals(bin(BinaryOp.POW, ref("a"), bin(BinaryOp.POW, ref("b"), ref("c"))), xmile("a^b^c"));
    }

    @Test
    void arithmeticThenComparisonThenLogic() throws ParseException {
        Expr e = xmile("a + b * c > d AND NOT e OR f");
        Expr expected = bin(BinaryOp.OR,
                bin(BinaryOp.AND,
                        bin(BinaryOp.GT, bin(BinaryOp.ADD, ref("a"), bin(BinaryOp.MUL, ref("b"), ref("c"))), ref("d")),
                        new Expr.Unary(Expr.UnaryOp.NOT, ref("e"))),
                ref("f"));
        assertEquals(expected, e);
    }

    @Test
    void xmileIfThenElseAndModOperator() throws ParseException {
        assertEquals(new Expr.If(bin(BinaryOp.EQ, ref("a"), num(1)), num(2), bin(BinaryOp.MOD, ref("b"), num(3))),
                xmile("IF a = 1 THEN 2 ELSE b MOD 3"));
    }

    @Test
    void vensimNamesWithSpacesFunctionsAndLogicalOperators() throws ParseException {
        Expr e = vensim("IF THEN ELSE(Room Temperature > 20 :AND: :NOT: flag, SMOOTH(heat loss, 3), 0)");
        Expr.If f = assertInstanceOf(Expr.If.class, e);
        Expr.Binary and = assertInstanceOf(Expr.Binary.class, f.condition());
        assertEquals(BinaryOp.AND, and.op());
        Expr.Binary gt = assertInstanceOf(Expr.Binary.class, and.left());
        assertEquals("room_temperature", ((Expr.Ref) gt.left()).name().id());
        Expr.Call smooth = assertInstanceOf(Expr.Call.class, f.then());
        assertEquals("smooth", smooth.function());
        assertEquals("heat_loss", ((Expr.Ref) smooth.args().get(0)).name().id());
    }

    @Test
    void quotedNamesAndSubscripts() throws ParseException {
        Expr.Ref r = assertInstanceOf(Expr.Ref.class, xmile("\"Stock A\"[Town, 2]"));
        assertEquals("stock_a", r.name().id());
        assertEquals(new Subscript.Named("town", "Town", false), r.subscripts().get(0));
        assertEquals(new Subscript.Index(num(2)), r.subscripts().get(1));
        Expr.Call sum = assertInstanceOf(Expr.Call.class, vensim("SUM(sales[region!])"));
        Expr.Ref sales = assertInstanceOf(Expr.Ref.class, sum.args().get(0));
        assertEquals(new Subscript.Named("region", "region", true), sales.subscripts().get(0));
        Expr.Call all = assertInstanceOf(Expr.Call.class, xmile("SUM(sales[*])"));
        assertInstanceOf(Subscript.Star.class, ((Expr.Ref) all.args().get(0)).subscripts().get(0));
    }

    @Test
    void withLookupReadsItsInlineTable() throws ParseException {
        Expr.Call c = assertInstanceOf(Expr.Call.class,
                vensim("WITH LOOKUP(Time, ([(0,0)-(10,10)],(0,0),(5,2),(10,-1)))"));
        Expr.Table t = assertInstanceOf(Expr.Table.class, c.args().get(1));
        assertEquals(-1, t.table().ys()[2]);
        assertEquals(2, t.table().lookup(5));
    }

    @Test
    void errorsSayWhatAndWhere() {
        ParseException e = assertThrows(ParseException.class, () -> xmile("a + (b * 2"));
        assertTrue(e.getMessage().contains("')'"), e.getMessage());
        assertEquals(10, e.column());
        ParseException extra = assertThrows(ParseException.class, () -> xmile("a b"));
        assertTrue(extra.getMessage().contains("unexpected 'b'"), extra.getMessage());
        assertThrows(ParseException.class, () -> xmile("IF a THEN b"));
        assertThrows(ParseException.class, () -> vensim("IF THEN ELSE(a, b)"));
    }

    @Test
    void commentsAndNumbersInAllForms() throws ParseException {
        assertEquals(bin(BinaryOp.ADD, num(1.5e-3), num(0.5)), xmile("1.5e-3 {a comment} + .5"));
        assertEquals(num(1e6), vensim("1e+006"));
    }
}
