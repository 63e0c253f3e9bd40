package org.clusterdynamics.expr;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.expr.Expr.BinaryOp;
import org.clusterdynamics.expr.Expr.UnaryOp;
import org.clusterdynamics.model.Dialect;
import org.clusterdynamics.model.GraphicalFunction;
import org.clusterdynamics.model.VarName;

/**
 * Parses one equation into an {@link Expr}, one method per precedence level (loosest first):
 * OR, AND, equality, relational, additive, multiplicative (incl. MOD), unary (-, +, NOT),
 * exponentiation (^, right to left, tighter than unary minus so -2^2 = -4), primary.
 */
public final class ExprParser {
    /** Vensim's :NA: ("not available"): -2^109, the value Vensim's help gives it. */
    public static final double VENSIM_NA = -0x1p109;

    /**
     * The deepest equation tree taken: far beyond what people write, well within what the later
     * stages (all recursive over the tree) can walk on a thread's default stack.
     */
    public static final int MAX_DEPTH = 1000;

    private final List<Token> tokens;
    private final Dialect dialect;
    private int i;
    /**
     * How many levels of the parser's own recursion are active (three per parenthesis, one per sign);
     * it stops at MAX_NESTING, as each level costs a dozen stack frames here.
     */
    private int nesting;
    private static final int MAX_NESTING = 500;

    private ExprParser(List<Token> tokens, Dialect dialect) {
        this.tokens = tokens;
        this.dialect = dialect;
    }

    public static Expr parse(String text, Dialect dialect) throws ParseException {
        if (text.isBlank()) {
            throw new ParseException("the equation is empty: write an expression or a number", 0);
        }
        ExprParser p = new ExprParser(Lexer.tokenize(text, dialect), dialect);
        Expr e = p.expression();
        if (p.peek().kind() != Token.Kind.EOF) {
            throw new ParseException("unexpected '" + p.peek().text() + "' after a complete expression"
                    + " (a missing operator or an extra parenthesis?)", p.peek().pos());
        }
        int depth = depth(e);
        if (depth > MAX_DEPTH) {
            throw tooDeep(0);
        }
        return e;
    }

    private static ParseException tooDeep(int pos) {
        return new ParseException("the equation's tree is more than " + MAX_DEPTH + " levels deep (a chain a + b + c"
                + " ... adds a level per term): split it into several variables", pos);
    }

    /** The height of the tree, walked without recursion (a chain of a+b+... is as deep as it is long). */
    static int depth(Expr root) {
        java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
        stack.push(new Object[] {root, 1});
        int max = 0;
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Expr e = (Expr) top[0];
            int d = (Integer) top[1];
            max = Math.max(max, d);
            List<Expr> kids = new ArrayList<>();
            if (e instanceof Expr.Unary u) {
                kids.add(u.operand());
            } else if (e instanceof Expr.Binary b) {
                kids.add(b.left());
                kids.add(b.right());
            } else if (e instanceof Expr.If f) {
                kids.add(f.condition());
                kids.add(f.then());
                kids.add(f.otherwise());
            } else if (e instanceof Expr.Call c) {
                kids.addAll(c.args());
                subscriptExprs(c.subscripts(), kids);
            } else if (e instanceof Expr.Ref r) {
                subscriptExprs(r.subscripts(), kids);
            }
            for (Expr k : kids) {
                stack.push(new Object[] {k, d + 1});
            }
        }
        return max;
    }

    private static void subscriptExprs(List<Subscript> subs, List<Expr> out) {
        for (Subscript s : subs) {
            if (s instanceof Subscript.Index ix) {
                out.add(ix.index());
            }
        }
    }

    /** Counts one more level of the parser's recursion; past MAX_NESTING the equation is refused. */
    private void enter() throws ParseException {
        if (++nesting > MAX_NESTING) {
            throw new ParseException("the equation nests parentheses, function calls or signs too deeply (over "
                    + MAX_NESTING + " levels, a parenthesis counting three): split it into several variables",
                    peek().pos());
        }
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token peekAt(int k) {
        return tokens.get(Math.min(i + k, tokens.size() - 1));
    }

    private Token advance() {
        return tokens.get(i++);
    }

    private Token expect(Token.Kind kind, String what) throws ParseException {
        Token t = peek();
        if (t.kind() != kind) {
            throw new ParseException("expected " + what + " but found "
                    + (t.kind() == Token.Kind.EOF ? "the end of the equation" : "'" + t.text() + "'"), t.pos());
        }
        return advance();
    }

    Expr expression() throws ParseException {
        enter();
        try {
            return or();
        } finally {
            nesting--;
        }
    }

    private Expr or() throws ParseException {
        Expr left = and();
        while (peek().isKeyword("OR")) {
            advance();
            left = new Expr.Binary(BinaryOp.OR, left, and());
        }
        return left;
    }

    private Expr and() throws ParseException {
        Expr left = not();
        while (peek().isKeyword("AND")) {
            advance();
            left = new Expr.Binary(BinaryOp.AND, left, not());
        }
        return left;
    }

    // Vensim's :NOT: binds looser than comparisons (":NOT: a > b" negates the comparison)
    private Expr not() throws ParseException {
        if (dialect == Dialect.VENSIM && peek().isKeyword("NOT")) {
            advance();
            return new Expr.Unary(UnaryOp.NOT, not());
        }
        return equality();
    }

    private Expr equality() throws ParseException {
        Expr left = relational();
        while (peek().isOp("=") || peek().isOp("<>")) {
            BinaryOp op = advance().text().equals("=") ? BinaryOp.EQ : BinaryOp.NE;
            left = new Expr.Binary(op, left, relational());
        }
        return left;
    }

    private Expr relational() throws ParseException {
        Expr left = additive();
        while (true) {
            Token t = peek();
            BinaryOp op = t.kind() != Token.Kind.OP ? null : switch (t.text()) {
                case "<" -> BinaryOp.LT;
                case "<=" -> BinaryOp.LE;
                case ">" -> BinaryOp.GT;
                case ">=" -> BinaryOp.GE;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            advance();
            left = new Expr.Binary(op, left, additive());
        }
    }

    private Expr additive() throws ParseException {
        Expr left = multiplicative();
        while (peek().isOp("+") || peek().isOp("-")) {
            BinaryOp op = advance().text().equals("+") ? BinaryOp.ADD : BinaryOp.SUB;
            left = new Expr.Binary(op, left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() throws ParseException {
        Expr left = unary();
        while (peek().isOp("*") || peek().isOp("/") || peek().isOp("//") || peek().isKeyword("MOD")) {
            Token t = advance();
            if (t.text().equals("//")) {
                // Stella: a // b divides, giving 0 where b is 0 (as SAFEDIV(a, b))
                left = new Expr.Call("safediv", "SAFEDIV", List.of(), List.of(left, unary()));
                continue;
            }
            BinaryOp op = t.text().equals("*") ? BinaryOp.MUL : t.text().equals("/") ? BinaryOp.DIV : BinaryOp.MOD;
            left = new Expr.Binary(op, left, unary());
        }
        return left;
    }

    private Expr unary() throws ParseException {
        enter();
        try {
            return unaryLevel();
        } finally {
            nesting--;
        }
    }

    private Expr unaryLevel() throws ParseException {
        Token t = peek();
        if (t.isOp("-")) {
            advance();
            Expr operand = unary();
            return operand instanceof Expr.Num n ? new Expr.Num(-n.value()) : new Expr.Unary(UnaryOp.NEG, operand);
        }
        if (t.isOp("+")) {
            advance();
            return unary();
        }
        if (t.isKeyword("NOT")) {
            advance();
            return new Expr.Unary(UnaryOp.NOT, unary());
        }
        return power();
    }

    private Expr power() throws ParseException {
        enter();
        try {
            return powerLevel();
        } finally {
            nesting--;
        }
    }

    private Expr powerLevel() throws ParseException {
        Expr base = primary();
        if (!peek().isOp("^")) {
            return base;
        }
        advance();
        // right to left, as Vensim computes a^b^c = a^(b^c); the exponent may carry a sign: 2^-1
        Expr exponent;
        if (peek().isOp("-")) {
            advance();
            Expr operand = power();
            exponent = operand instanceof Expr.Num n ? new Expr.Num(-n.value()) : new Expr.Unary(UnaryOp.NEG, operand);
        } else if (peek().isOp("+")) {
            advance();
            exponent = power();
        } else {
            exponent = power();
        }
        return new Expr.Binary(BinaryOp.POW, base, exponent);
    }

    private Expr primary() throws ParseException {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                advance();
                return new Expr.Num(t.number());
            }
            case LPAREN -> {
                advance();
                Expr e = expression();
                expect(Token.Kind.RPAREN, "')'");
                return e;
            }
            case NAME -> {
                if (t.isKeyword("IF") && dialect == Dialect.XMILE) {
                    return ifThenElse();
                }
                if (t.text().equals(":NA:")) {
                    advance();
                    return new Expr.Num(VENSIM_NA);
                }
                return nameOrCall();
            }
            case EOF -> throw new ParseException("the equation ends where a value was expected", t.pos());
            default -> throw new ParseException("unexpected '" + t.text() + "' where a value was expected", t.pos());
        }
    }

    private Expr ifThenElse() throws ParseException {
        advance();
        Expr cond = expression();
        if (!peek().isKeyword("THEN")) {
            throw new ParseException("IF without THEN: write IF condition THEN value ELSE value", peek().pos());
        }
        advance();
        Expr then = expression();
        if (!peek().isKeyword("ELSE")) {
            throw new ParseException("IF ... THEN without ELSE: add ELSE and the value otherwise", peek().pos());
        }
        advance();
        Expr otherwise = expression();
        return new Expr.If(cond, then, otherwise);
    }

    private Expr nameOrCall() throws ParseException {
        Token nameTok = advance();
        String written = nameTok.text();
        List<Subscript> subs = List.of();
        if (peek().kind() == Token.Kind.LBRACKET) {
            subs = subscripts();
        }
        if (peek().kind() == Token.Kind.LPAREN) {
            advance();
            String fn = VarName.canonical(written);
            List<Expr> args = new ArrayList<>();
            if (peek().kind() != Token.Kind.RPAREN) {
                do {
                    if (fn.equals("with_lookup") && args.size() == 1) {
                        args.add(tableLiteral());
                    } else {
                        args.add(expression());
                    }
                } while (peek().kind() == Token.Kind.COMMA && advance() != null);
            }
            expect(Token.Kind.RPAREN, "')' to close the arguments of " + VarName.cleanWritten(written));
            if (fn.equals("if_then_else")) {
                if (args.size() != 3) {
                    throw new ParseException("IF THEN ELSE takes 3 arguments (condition, value if true, value if false)"
                            + " but has " + args.size(), nameTok.pos());
                }
                return new Expr.If(args.get(0), args.get(1), args.get(2));
            }
            return new Expr.Call(fn, VarName.cleanWritten(written), subs, args);
        }
        return new Expr.Ref(VarName.of(written), subs);
    }

    private List<Subscript> subscripts() throws ParseException {
        expect(Token.Kind.LBRACKET, "'['");
        List<Subscript> subs = new ArrayList<>();
        do {
            Token t = peek();
            if (t.isOp("*")) {
                advance();
                subs.add(new Subscript.Star());
            } else if (t.kind() == Token.Kind.NAME && (peekAt(1).kind() == Token.Kind.COMMA
                    || peekAt(1).kind() == Token.Kind.RBRACKET || peekAt(1).kind() == Token.Kind.BANG)) {
                advance();
                boolean bang = false;
                if (peek().kind() == Token.Kind.BANG) {
                    advance();
                    bang = true;
                }
                subs.add(new Subscript.Named(VarName.canonical(t.text()), VarName.cleanWritten(t.text()), bang));
            } else {
                subs.add(new Subscript.Index(expression()));
            }
        } while (peek().kind() == Token.Kind.COMMA && advance() != null);
        expect(Token.Kind.RBRACKET, "']' to close the subscripts");
        return subs;
    }

    /** ( [(xmin,ymin)-(xmax,ymax)], (x1,y1), (x2,y2), ... ) */
    private Expr tableLiteral() throws ParseException {
        Token open = expect(Token.Kind.LPAREN, "'(' to start the lookup table");
        if (peek().kind() == Token.Kind.LBRACKET) {
            // the range is informative only; the points define the table
            int depth = 0;
            do {
                Token t = advance();
                if (t.kind() == Token.Kind.LBRACKET) {
                    depth++;
                } else if (t.kind() == Token.Kind.RBRACKET) {
                    depth--;
                } else if (t.kind() == Token.Kind.EOF) {
                    throw new ParseException("the lookup range [..] is not closed", open.pos());
                }
            } while (depth > 0);
            if (peek().kind() == Token.Kind.COMMA) {
                advance();
            }
        }
        List<double[]> points = new ArrayList<>();
        while (peek().kind() == Token.Kind.LPAREN) {
            advance();
            double x = signedNumber();
            expect(Token.Kind.COMMA, "',' between x and y of a lookup point");
            double y = signedNumber();
            expect(Token.Kind.RPAREN, "')' to close a lookup point");
            points.add(new double[] {x, y});
            if (peek().kind() == Token.Kind.COMMA) {
                advance();
            }
        }
        expect(Token.Kind.RPAREN, "')' to close the lookup table");
        if (points.isEmpty()) {
            throw new ParseException("the lookup table has no points: write (x,y) pairs", open.pos());
        }
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = points.get(k)[0];
            ys[k] = points.get(k)[1];
        }
        return new Expr.Table(new GraphicalFunction(xs, ys, GraphicalFunction.Kind.CONTINUOUS));
    }

    private double signedNumber() throws ParseException {
        double sign = 1;
        while (peek().isOp("-") || peek().isOp("+")) {
            if (advance().text().equals("-")) {
                sign = -sign;
            }
        }
        return sign * expect(Token.Kind.NUMBER, "a number").number();
    }
}
