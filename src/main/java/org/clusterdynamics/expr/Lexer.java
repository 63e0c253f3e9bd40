package org.clusterdynamics.expr;

import java.util.ArrayList;
import java.util.List;
import org.clusterdynamics.model.Dialect;

/**
 * Splits equation text into tokens. Vensim names may contain spaces between words; XMILE names
 * may not (they use underscores). Both allow double-quoted names with any characters.
 */
final class Lexer {
    private final String src;
    private final Dialect dialect;
    private int pos;

    Lexer(String src, Dialect dialect) {
        this.src = src;
        this.dialect = dialect;
    }

    static List<Token> tokenize(String src, Dialect dialect) throws ParseException {
        Lexer lx = new Lexer(src, dialect);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lx.next();
            out.add(t);
        } while (t.kind() != Token.Kind.EOF);
        return out;
    }

    private Token next() throws ParseException {
        skipSpaceAndComments();
        if (pos >= src.length()) {
            return new Token(Token.Kind.EOF, "", 0, pos);
        }
        int start = pos;
        char c = src.charAt(pos);
        switch (c) {
            case '(': pos++; return new Token(Token.Kind.LPAREN, "(", 0, start);
            case ')': pos++; return new Token(Token.Kind.RPAREN, ")", 0, start);
            case '[': pos++; return new Token(Token.Kind.LBRACKET, "[", 0, start);
            case ']': pos++; return new Token(Token.Kind.RBRACKET, "]", 0, start);
            case ',': pos++; return new Token(Token.Kind.COMMA, ",", 0, start);
            case '/':
                if (dialect == Dialect.XMILE && src.startsWith("//", pos)) {
                    pos += 2; // Stella's safe division, read as SAFEDIV by the parser
                    return new Token(Token.Kind.OP, "//", 0, start);
                }
                pos++;
                return new Token(Token.Kind.OP, "/", 0, start);
            case '+': case '-': case '*': case '^':
                pos++;
                return new Token(Token.Kind.OP, String.valueOf(c), 0, start);
            case '=':
                pos++;
                if (pos < src.length() && src.charAt(pos) == '=') {
                    pos++;
                }
                return new Token(Token.Kind.OP, "=", 0, start);
            case '<':
                pos++;
                if (pos < src.length() && src.charAt(pos) == '=') {
                    pos++;
                    return new Token(Token.Kind.OP, "<=", 0, start);
                }
                if (pos < src.length() && src.charAt(pos) == '>') {
                    pos++;
                    return new Token(Token.Kind.OP, "<>", 0, start);
                }
                return new Token(Token.Kind.OP, "<", 0, start);
            case '>':
                pos++;
                if (pos < src.length() && src.charAt(pos) == '=') {
                    pos++;
                    return new Token(Token.Kind.OP, ">=", 0, start);
                }
                return new Token(Token.Kind.OP, ">", 0, start);
            case '!':
                pos++;
                if (pos < src.length() && src.charAt(pos) == '=') {
                    pos++;
                    return new Token(Token.Kind.OP, "<>", 0, start);
                }
                return new Token(Token.Kind.BANG, "!", 0, start);
            case '&':
                if (src.startsWith("&&", pos)) {
                    pos += 2;
                    return new Token(Token.Kind.NAME, "AND", 0, start);
                }
                break;
            case '|':
                if (src.startsWith("||", pos)) {
                    pos += 2;
                    return new Token(Token.Kind.NAME, "OR", 0, start);
                }
                break;
            case ':':
                return colonKeywordOrColon(start);
            case '"':
                return quotedName(start);
            case '\'':
                if (dialect == Dialect.VENSIM) {
                    return singleQuotedString(start);
                }
                break;
            default:
                break;
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            return number(start);
        }
        if (isNameStart(c)) {
            return name(start);
        }
        throw new ParseException("unexpected character '" + c + "'", start);
    }

    private Token colonKeywordOrColon(int start) {
        // Vensim's :AND:, :OR:, :NOT:, :NA:
        int end = src.indexOf(':', pos + 1);
        if (end > pos + 1) {
            String word = src.substring(pos + 1, end).strip().toUpperCase();
            if (word.equals("AND") || word.equals("OR") || word.equals("NOT") || word.equals("NA")) {
                pos = end + 1;
                return new Token(Token.Kind.NAME, word.equals("NA") ? ":NA:" : word, 0, start);
            }
        }
        pos++;
        return new Token(Token.Kind.COLON, ":", 0, start);
    }

    private Token quotedName(int start) throws ParseException {
        // the name is kept as written (escapes included) so it matches its definition's name
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < src.length()) {
                pos += 2;
                continue;
            }
            if (c == '"') {
                pos++;
                return new Token(Token.Kind.NAME, src.substring(start, pos), 0, start);
            }
            pos++;
        }
        throw new ParseException("a quoted name is not closed: add the closing \"", start);
    }

    private Token singleQuotedString(int start) throws ParseException {
        int end = src.indexOf('\'', pos + 1);
        if (end < 0) {
            throw new ParseException("a quoted string is not closed: add the closing '", start);
        }
        pos = end + 1;
        return new Token(Token.Kind.NAME, "\"" + src.substring(start + 1, end) + "\"", 0, start);
    }

    private Token number(int start) throws ParseException {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String text = src.substring(start, pos);
        try {
            return new Token(Token.Kind.NUMBER, text, Double.parseDouble(text), start);
        } catch (NumberFormatException e) {
            throw new ParseException("'" + text + "' is not a number", start);
        }
    }

    private Token name(int start) {
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isNamePart(c)) {
                pos++;
            } else if (dialect == Dialect.XMILE && c == '\'' && pos + 1 < src.length()
                    && isNamePart(src.charAt(pos + 1))) {
                pos++; // an apostrophe inside a Stella name (farms'_size); at its end it would be a transpose
            } else if (dialect == Dialect.VENSIM && (c == ' ' || c == '\t' || c == '_')) {
                // a space inside a Vensim name: continue only if another name part follows
                int p = pos;
                while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t' || src.charAt(p) == '_')) {
                    p++;
                }
                if (p < src.length() && isNamePart(src.charAt(p))) {
                    pos = p;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return new Token(Token.Kind.NAME, src.substring(start, pos), 0, start);
    }

    private boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$' || Character.getType(c) == Character.OTHER_SYMBOL
                || (dialect == Dialect.VENSIM && (c == '%' || c == '#'));
    }

    private boolean isNamePart(char c) {
        if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || Character.getType(c) == Character.OTHER_SYMBOL) {
            return true;
        }
        if (c == '.') {
            return true; // XMILE module-qualified names; Vensim allows dots too
        }
        return dialect == Dialect.VENSIM && (c == '\'' || c == '%' || c == '#' || c == '&' || c == '?');
    }

    private void skipSpaceAndComments() throws ParseException {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c) || c == '\\' && pos + 1 < src.length() && Character.isWhitespace(src.charAt(pos + 1))) {
                pos++;
            } else if (c == '{') {
                int end = src.indexOf('}', pos);
                if (end < 0) {
                    throw new ParseException("a {comment} is not closed: add the closing }", pos);
                }
                pos = end + 1;
            } else {
                return;
            }
        }
    }
}
