// styring through pgJDBC, the driver of Metabase, DBeaver and Tableau: every
// call with parameters bound the JDBC way (setString sends varchar, setDouble
// float8, setInt int4, arrays as varchar[]), first with the driver's defaults
// and then with stringtype=unspecified, as a read-only role. Prints TAP.
//   java -cp /usr/share/java/postgresql.jar test/drivers/Drivers.java
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.*;
import java.util.*;

public class Drivers {
    static final String DATABASE = "styring_drivers", READER = "styring_reader", SEARCH_PATH = "public,styring";
    static int n = 0, failed = 0;

    record Arg(char kind, String value) {}
    record Call(String sql, List<Arg> args, String literal) {}

    static void ok(boolean cond, String desc, String detail) {
        n++;
        if (!cond) failed++;
        System.out.println((cond ? "ok " : "not ok ") + n + " - pgJDBC: " + desc);
        if (!cond && detail != null) for (String l : detail.split("\n")) System.out.println("#   " + l);
    }

    interface Check { Object run() throws Exception; }

    static void check(String desc, Check c) {
        try {
            Object r = c.run();
            if (r instanceof String s) ok(false, desc, s); else ok(r == null || Boolean.TRUE.equals(r), desc, null);
        } catch (Exception e) {
            ok(false, desc, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static String literalOf(Arg a) {
        return switch (a.kind) {
            case 's' -> "'" + a.value.replace("'", "''") + "'";
            case 'f' -> "'" + a.value + "'::float8";
            case 'a' -> "'{" + a.value + "}'";
            default -> a.value;
        };
    }

    static List<Call> calls(Path dir) throws Exception {
        List<Call> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("calls.tsv"), StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cols = (line + "\t\t\t").split("\t", -1);
            List<Arg> args = new ArrayList<>();
            for (String a : cols[1].split("\\|")) args.add(new Arg(a.charAt(0), a.substring(2)));
            String literal = cols[2];
            if (literal.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                int i = 0;
                for (char ch : cols[0].toCharArray()) {
                    if (ch == '?') sb.append(literalOf(args.get(i++))); else sb.append(ch);
                }
                literal = sb.toString();
            }
            out.add(new Call(cols[0], args, literal));
        }
        return out;
    }

    static String wrap(String expr) {
        return "SELECT array_agg(r::text)::text FROM (SELECT " + expr + " AS r) s";
    }

    static Object one(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof String s) ps.setString(i + 1, s);
                else if (p instanceof Double d) ps.setDouble(i + 1, d);
                else if (p instanceof Integer v) ps.setInt(i + 1, v);
                else if (p instanceof Boolean b) ps.setBoolean(i + 1, b);
                else if (p instanceof String[] arr) ps.setArray(i + 1, c.createArrayOf("varchar", arr));
                else throw new IllegalArgumentException(String.valueOf(p));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    static Object bind(Arg a) {
        return switch (a.kind) {
            case 's' -> a.value;
            case 'f' -> Double.valueOf(a.value);
            case 'i' -> Integer.valueOf(a.value);
            case 'b' -> Boolean.valueOf(a.value);
            case 'a' -> a.value.split(",");
            default -> throw new IllegalArgumentException("kind " + a.kind);
        };
    }

    static Connection connect(String extra) throws SQLException {
        String url = "jdbc:postgresql://" + System.getenv("PGHOST") + ":" + System.getenv("PGPORT") + "/" + DATABASE + extra;
        return DriverManager.getConnection(url, READER, READER);
    }

    public static void main(String[] argv) throws Exception {
        Path dir = Path.of(argv.length > 0 ? argv[0] : "test/drivers");
        List<Call> calls = calls(dir);
        for (String mode : new String[] {"", "?stringtype=unspecified"}) {
            try (Connection c = connect(mode)) {
                String how = mode.isEmpty() ? "default binding" : "stringtype=unspecified";
                for (Call call : calls) {
                    check(how + ": " + call.sql + " as " + call.literal, () -> {
                        Object got = one(c, wrap(call.sql), call.args.stream().map(Drivers::bind).toArray());
                        Object want = one(c, wrap(call.literal));
                        return Objects.equals(got, want) ? null : "bound: " + got + "\nliteral: " + want;
                    });
                }
            }
        }

        try (Connection c = connect("")) {
            String[] cols = {"t", "p", "g", "u", "s", "sc", "cn", "er"};
            String[] row = new String[cols.length];
            check("every styring type and composite arrives as a string equal to the server's text output", () -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT t, p, g, u, s, sc, cn, er, t::text, p::text, g::text, u::text, s::text, "
                             + "sc::text, cn::text, er::text FROM driver_data WHERE id = 1")) {
                    rs.next();
                    for (int i = 0; i < cols.length; i++) {
                        row[i] = rs.getString(i + 1);
                        if (!row[i].equals(rs.getString(i + 1 + cols.length))) return cols[i] + ": " + row[i];
                    }
                }
                return null;
            });
            check("the fetched values go back into styring columns as parameters (setString), and equal what was fetched", () -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TEMP TABLE rt (t styring.target, p styring.profile, g styring.goalpath, u styring.eval_usage, s styring.goal_status)");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rt VALUES (?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < 5; i++) ps.setString(i + 1, row[i]);
                    ps.executeUpdate();
                }
                return one(c, "SELECT styring.target_eq(rt.t, d.t) AND styring.profile_eq(rt.p, d.p) AND styring.goalpath_eq(rt.g, d.g) "
                        + "AND styring.eval_usage_eq(rt.u, d.u) AND rt.s = d.s FROM rt, driver_data d WHERE d.id = 1");
            });
            check("function forms of the operators work without styring on the search path", () -> Long.valueOf(1).equals(one(c,
                    "SELECT count(*) FROM driver_data WHERE styring.target_eq(t, ?) AND styring.goalpath_descendant_of(g, ?) "
                    + "AND styring.eval_usage_contains(u, ?)", ">= 90 by 2020 from 72 in 2015", "bolig_for_velferd", "{action_plan}")));
            check("evaluation_cost with setDouble is exact to the øre", () -> {
                Object v = one(c, "SELECT styring.evaluation_cost(?, ?, ?, ?, ?)", 10.5, 280.0, 1234.56, 0.1, 0.2);
                return new BigDecimal("4174.86").equals(v) ? null : "got " + v;
            });
            check("the role is read-only (INSERT refused with 42501)", () -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO driver_data (id) VALUES (99)");
                    return "the insert went through";
                } catch (SQLException e) {
                    return "42501".equals(e.getSQLState()) ? null : e.getSQLState();
                }
            });
        }

        try (Connection sp = connect("?currentSchema=" + SEARCH_PATH); Connection c = connect("")) {
            for (String[] op : operatorChecks(dir)) {
                check("with currentSchema=" + SEARCH_PATH + ": " + op[0], () -> {
                    Object[] params = Arrays.copyOfRange(op, 3, op.length);
                    Object a = one(sp, op[1], params), b = one(c, op[2], params);
                    return a != null && String.valueOf(a).equals(String.valueOf(b)) ? null : "operators: " + a + ", functions: " + b;
                });
            }
        }
        // every column of every view of a steering model, with a usable JDBC type
        try (Connection c = connect("")) {
            Map<String, List<String[]>> views = new TreeMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns "
                         + "WHERE table_schema = 'kommune' AND table_name IN (SELECT table_name FROM information_schema.views "
                         + "WHERE table_schema = 'kommune') ORDER BY table_name, ordinal_position")) {
                while (rs.next()) views.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3)});
            }
            Set<String> numeric = Set.of("integer", "bigint", "smallint", "double precision", "numeric", "real");
            Set<Integer> jdbcNumeric = Set.of(Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.DOUBLE, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DECIMAL);
            for (Map.Entry<String, List<String[]>> v : views.entrySet()) {
                check("view kommune." + v.getKey() + ": every column (" + v.getValue().size() + ") with a usable type, and rows", () -> {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM kommune." + v.getKey() + " LIMIT 50")) {
                        ResultSetMetaData md = rs.getMetaData();
                        List<String> bad = new ArrayList<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String pg = v.getValue().get(i - 1)[1];
                            int t = md.getColumnType(i);
                            boolean ok = numeric.contains(pg) ? jdbcNumeric.contains(t)
                                    : pg.equals("boolean") ? (t == Types.BOOLEAN || t == Types.BIT)
                                    : t != Types.OTHER;
                            if (!ok) bad.add(md.getColumnName(i) + " " + pg + " is JDBC type " + t);
                        }
                        if (!rs.next()) return "no rows";
                        for (int i = 1; i <= md.getColumnCount(); i++) rs.getObject(i);
                        return bad.isEmpty() ? null : String.join("; ", bad);
                    }
                });
            }
        }
        System.out.println("1.." + n);
        System.exit(failed > 0 ? 1 : 0);
    }

    // operators.tsv: what, query with operators, query with functions, parameters
    static List<String[]> operatorChecks(Path dir) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("operators.tsv"), StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cols = line.split("\t", -1);
            List<String> row = new ArrayList<>(List.of(cols[0], cols[1], cols[2]));
            if (!cols[3].isEmpty()) row.addAll(List.of(cols[3].split("\\|")));
            out.add(row.toArray(new String[0]));
        }
        return out;
    }
}
