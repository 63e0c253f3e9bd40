package org.clusterdynamics.io.xmile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.clusterdynamics.expr.Expr;
import org.clusterdynamics.expr.ExprParser;
import org.clusterdynamics.expr.ParseException;
import org.clusterdynamics.model.Dialect;
import org.junit.jupiter.api.Test;

class XmileExprPrinterTest {

    private static String vensim(String text) throws ParseException {
        return XmileExprPrinter.print(ExprParser.parse(text, Dialect.VENSIM));
    }

    private static String xmile(String text) throws ParseException {
        return XmileExprPrinter.print(ExprParser.parse(text, Dialect.XMILE));
    }

    @Test
    void namesGetUnderscoresAndQuotesWhereXmileNeedsThem() {
        assertEquals("Teacup_Temperature", XmileExprPrinter.name("Teacup Temperature"));
        assertEquals("\"3 stage delay\"", XmileExprPrinter.name("3 stage delay"));
        assertEquals("\"a.b\"", XmileExprPrinter.name("a.b"), "a dot would name a module's variable");
        assertEquals("\"Not\"", XmileExprPrinter.name("Not"), "a keyword as a name");
        assertEquals("\"cost ($)\"", XmileExprPrinter.name("cost ($)"));
        assertEquals("Größe", XmileExprPrinter.name("Größe"));
        // Vensim keeps its escapes in the name; the parser reads a quoted name as written
        assertEquals("\"say \\\"hi\\\" \\ now\"", XmileExprPrinter.name("say \\\"hi\\\" \\ now"));
        assertEquals("\"a \\\"b\"", XmileExprPrinter.name("a \"b"), "a bare quote gets a backslash");
    }

    @Test
    void quotedNamesReadBackAsTheSameVariable() throws ParseException {
        for (String written : List.of("3 stage delay", "a.b", "Not", "variable with \\\"Quotes\\\" in 'it' and \\ x!!",
                "cost ($)", "Flow*with a few^arithmetic + characters")) {
            Expr e = ExprParser.parse(XmileExprPrinter.name(written), Dialect.XMILE);
            assertEquals(org.clusterdynamics.model.VarName.of(written), ((Expr.Ref) e).name(), written);
        }
    }

    @Test
    void numbersKeepEveryDigitOfTheDouble() throws ParseException {
        for (double v : new double[] {0.1, 1.0 / 3, 1e-20, 6.02e23, 123456.789, -2.5e-7, 1e15, 0.0625}) {
            String s = XmileExprPrinter.number(v);
            assertEquals(v, ((Expr.Num) ExprParser.parse(s, Dialect.XMILE)).value(), s);
        }
        assertEquals("0.00001", XmileExprPrinter.number(1e-5));
        assertEquals("1e-20", XmileExprPrinter.number(1e-20));
        assertEquals("42", XmileExprPrinter.number(42));
        assertEquals("INF", XmileExprPrinter.number(Double.POSITIVE_INFINITY));
    }

    @Test
    void vensimOperatorsBecomeXmileOnes() throws ParseException {
        assertEquals("IF a > 1 AND NOT b THEN c ELSE d", vensim("IF THEN ELSE(a > 1 :AND: :NOT: b, c, d)"));
        assertEquals("a OR b", vensim("a :OR: b"));
        assertEquals("a <> b", vensim("a <> b"));
        // Vensim's :NOT: takes the whole comparison; XMILE's NOT binds tighter
        assertEquals("NOT (a > b)", vensim(":NOT: a > b"));
        assertEquals("Stock_A[Entry_1, dim] * 2", vensim("Stock A[Entry 1, dim] * 2"));
    }

    @Test
    void parenthesesOnlyWhereThePrecedenceNeedsThem() throws ParseException {
        assertEquals("a - b - c", vensim("(a - b) - c"));
        assertEquals("a - (b - c)", vensim("a - (b - c)"));
        assertEquals("a / (b * c)", vensim("a / (b * c)"));
        assertEquals("(a + b) * c", vensim("(a + b) * c"));
        assertEquals("a + b * c", vensim("a + (b * c)"));
        assertEquals("(IF a THEN b ELSE c) + 1", xmile("(IF a THEN b ELSE c) + 1"));
        assertEquals("MAX(IF a THEN b ELSE c, 0)", xmile("MAX(IF a THEN b ELSE c, 0)"));
        assertEquals("x - -2", vensim("x - -2"));
    }

    @Test
    void powersAndMinusesAreUnambiguousForEveryReader() throws ParseException {
        assertEquals("-(a ^ 2)", vensim("-a^2"));
        assertEquals("(-a) ^ 2", vensim("(-a)^2"));
        assertEquals("(-2) ^ 2", vensim("(-2)^2"));
        assertEquals("a ^ (b ^ c)", vensim("a^b^c"), "Vensim and this parser group ^ from the right");
        assertEquals("(a ^ b) ^ c", vensim("(a^b)^c"));
        assertEquals("a ^ (b ^ c)", vensim("a^(b^c)"));
        assertEquals("a ^ (-1)", vensim("a^-1"));
    }

    @Test
    void builtinsInCapitalsModelNamesAsWritten() throws ParseException {
        assertEquals("SMTH1(x, 3) + TIME * DT", xmile("smth1(x, 3) + time * dt"));
        assertEquals("MIN(x[*])", xmile("min(x[*])"));
        Expr call = ExprParser.parse("Step(Time)", Dialect.VENSIM);
        assertEquals("Step(TIME)", new XmileExprPrinter(Set.of("step")::contains).format(call),
                "a table named like a builtin stays a name");
    }

    @Test
    void printingIsStableThroughTheXmileParser() throws ParseException {
        for (String eq : List.of("IF THEN ELSE(x > 0 :AND: y <= 2 :OR: z = 1, -x^2, MAX(x, y) / (1 + z))",
                "a - (b - (c - d)) * e / (f / g)", "SUM(s[dim!]) + v[a1, 2] - SMOOTH3I(x, 2, -1)",
                ":NOT: (a :OR: b) :AND: c", "(a = b) = (c < d)", "-(-x)", "1e-30 * 7.5E+12")) {
            String once = vensim(eq);
            assertEquals(once, xmile(once), eq);
        }
    }
}
