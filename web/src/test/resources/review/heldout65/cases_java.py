"""Round-65 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- RES-01 / CONC-05: board updates sent by a student whiteboard app (KoraKaagaz)
KORAKAAGAZ = template('korakaagaz-client-sender', r'''
/**
 * Sends serialised board updates to a peer over a fresh TCP connection, retrying a few times when the peer is busy.
 */
public class ClientSender {
    private static final int ATTEMPTS = 3;
    private static final long BACKOFF_MILLIS = 500;

    private final String host;
    private final int port;

    public ClientSender(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends one message; returns false when the peer could not be reached after every attempt. */
    public boolean send(String message) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (trySend(message)) {
                return true;
            }
            try {
                Thread.sleep(BACKOFF_MILLIS * attempt);
01|            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                return false;
01|            }
2|            } catch (InterruptedException e) { //@CONC-05
2|                e.printStackTrace();
2|            }
        }
        return false;
    }

    private boolean trySend(String message) {
02|        try (Socket socket = new Socket(host, port);
02|             DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
02|            out.writeUTF(message);
02|            out.flush();
02|            return true;
02|        } catch (IOException e) {
02|            System.err.println("Could not send to " + host + ":" + port + ": " + e.getMessage());
02|            return false;
02|        }
1|        try {
1|            Socket socket = new Socket(host, port); //@RES-01
1|            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
1|            out.writeUTF(message);
1|            out.flush();
1|            socket.close();
1|            return true;
1|        } catch (IOException e) {
1|            System.err.println("Could not send to " + host + ":" + port + ": " + e.getMessage());
1|            return false;
1|        }
    }
}
''')
cases_of(case, GH + 'convict-git/KoraKaagaz/pull/148', src('infrastructure.networking', 'ClientSender'),
         J('infrastructure.networking', ['java.io.DataOutputStream', 'java.io.IOException', 'java.net.Socket'])(KORAKAAGAZ), [
             (1, 'java-00-korakaagaz-socket-left-open-on-write-failure',
              'an edit opens the peer socket outside try-with-resources and closes it only after a successful '
              'write, so every update that fails mid-write leaks a socket', 'edit'),
             (2, 'java-00-korakaagaz-retry-sleep-swallows-interrupt',
              'an edit prints and swallows the interrupt of the retry back-off, so closing the board cannot stop '
              'a sender that keeps retrying', 'edit'),
             (0, 'java-ok-00-korakaagaz-socket-in-try-with-resources',
              'clean: the fix opens the socket and its stream in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / CONC-06: accept loop of a small servlet container (piranha)
PIRANHA = template('piranha-default-http-server', r'''
/**
 * The default HTTP server: one thread accepts connections and hands each to the processing executor.
 */
public class DefaultHttpServer implements HttpServer {

    private static final Logger LOGGER = System.getLogger(DefaultHttpServer.class.getName());

    private final int serverPort;
    private final HttpServerProcessor processor;
    private ExecutorService executorService;
    private ServerSocket serverSocket;
    private Thread serverAcceptorThread;
    private volatile boolean running;

    public DefaultHttpServer(int serverPort, HttpServerProcessor processor) {
        this.serverPort = serverPort;
        this.processor = processor;
    }

    @Override
    public void start() {
        try {
            serverSocket = new ServerSocket(serverPort);
            serverSocket.setReuseAddress(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Unable to open port " + serverPort, e);
        }
        executorService = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 2);
        running = true;
        serverAcceptorThread = new Thread(this::acceptLoop, "DefaultHttpServer-Acceptor-" + serverPort);
        serverAcceptorThread.start();
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket socket = serverSocket.accept();
01|                executorService.execute(new DefaultHttpServerProcessingThread(socket, processor));
2|                executorService.submit(new DefaultHttpServerProcessingThread(socket, processor)); //@CONC-06
            } catch (IOException e) {
                if (running) {
                    LOGGER.log(WARNING, "Error while accepting connection", e);
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOGGER.log(WARNING, "Error while closing server socket", e);
        }
        try {
            serverAcceptorThread.join(5000);
02|        } catch (InterruptedException e) {
02|            Thread.currentThread().interrupt();
02|        }
1|        } catch (InterruptedException e) { //@CONC-05
1|            LOGGER.log(WARNING, "Interrupted while waiting for the acceptor thread", e);
1|        }
        executorService.shutdown();
    }
}
''')
cases_of(case, GH + 'piranhacloud/piranha/issues/194',
         'http/impl/' + src('cloud.piranha.http.impl', 'DefaultHttpServer'),
         J('cloud.piranha.http.impl', ['cloud.piranha.http.api.HttpServer', 'cloud.piranha.http.api.HttpServerProcessor',
                                       'java.io.IOException', 'java.io.UncheckedIOException', 'java.net.ServerSocket',
                                       'java.net.Socket', 'java.util.concurrent.ExecutorService',
                                       'java.util.concurrent.Executors', 'java.lang.System.Logger',
                                       'static java.lang.System.Logger.Level.WARNING'])(PIRANHA), [
             (1, 'java-00-piranha-stop-swallows-interrupt',
              'an edit logs the interrupt of the wait for the acceptor thread and carries on, so a container '
              'shutting the server down from an interrupted thread loses the interrupt', 'edit'),
             (2, 'java-00-piranha-connection-task-future-dropped',
              'an edit submits each connection to the executor and drops the future, so a request that fails '
              'with a runtime exception disappears without a trace', 'edit'),
             (0, 'java-ok-00-piranha-stop-restores-interrupt',
              'clean: the fix restores the interrupt flag when the wait is interrupted', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-01: course example socket server, renamed (ser321examples)
SER321 = template('ser321-simple-server', r'''
/**
 * A simple server for the course's socket assignment: it answers every line a client sends with the line reversed.
 */
public class SimpleServer {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.out.println("Usage: gradle runServer -Pport=9099");
            System.exit(1);
        }
        int port = Integer.parseInt(args[0]);
02|        try (ServerSocket serv = new ServerSocket(port)) {
02|            System.out.println("Server ready for connections on " + port);
02|            while (true) {
02|                Socket sock = serv.accept();
0|                Thread worker = new Thread(() -> handle(sock), "client-" + sock.getPort());
0|                worker.setUncaughtExceptionHandler((t, e) -> {
0|                    System.err.println(t.getName() + " failed: " + e);
0|                    closeQuietly(sock);
0|                });
0|                worker.start();
2|                new Thread(() -> handle(sock), "client-" + sock.getPort()).start(); //@CONC-01
02|            }
02|        }
1|        ServerSocket serv = new ServerSocket(port); //@RES-01
1|        System.out.println("Server ready for connections on " + port);
1|        while (true) {
1|            Socket sock = serv.accept();
1|            Thread worker = new Thread(() -> handle(sock), "client-" + sock.getPort());
1|            worker.setUncaughtExceptionHandler((t, e) -> {
1|                System.err.println(t.getName() + " failed: " + e);
1|                closeQuietly(sock);
1|            });
1|            worker.start();
1|        }
    }

    private static void handle(Socket sock) {
        try (sock;
             BufferedReader in = new BufferedReader(new InputStreamReader(sock.getInputStream()));
             PrintWriter out = new PrintWriter(sock.getOutputStream(), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(new StringBuilder(line).reverse());
            }
        } catch (IOException e) {
            System.err.println("Client " + sock.getPort() + " disconnected: " + e.getMessage());
        }
    }

    private static void closeQuietly(Socket sock) {
        try {
            sock.close();
        } catch (IOException ignored) {
            // the worker already failed; nothing more to report
        }
    }
}
''')
cases_of(case, GH + 'amehlhase316/ser321examples/pull/36', 'Sockets/Echo/src/main/java/SimpleServer.java',
         lambda v: java('', sorted(['java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStreamReader',
                                    'java.io.PrintWriter', 'java.net.ServerSocket', 'java.net.Socket']),
                        variant(SER321, v)), [
             (1, 'java-00-ser321-renamed-server-socket-never-closed',
              'a PR renames the echo server and opens its server socket outside try-with-resources, so the port '
              'stays bound until the JVM exits whatever ends the loop', 'rename'),
             (2, 'java-00-ser321-renamed-client-thread-without-handler',
              'a PR renames the echo server and starts each client thread without its uncaught-exception '
              'handler, so a failing client dies silently and its socket stays open', 'rename'),
             (0, 'java-ok-00-ser321-renamed-server',
              'clean: the rename alone; the server socket is closed by try-with-resources and client threads '
              'report failures', 'rename'),
         ], rename_from='Sockets/Echo/src/main/java/JavaSimpleSock2.java',
         rename_old=lambda t: t.replace('SimpleServer', 'JavaSimpleSock2'))


# ---------------------------------------------------------------- TIME-01 / LOG-02: track export of a maritime analysis tool, CRLF (debrief)
DEBRIEF = template('debrief-replay-exporter', r'''
/**
 * Writes tracks in the REP text format: one line per fix, date-time group first, always in GMT.
 */
public class ReplayExporter {

    private static final Logger LOGGER = Logger.getLogger(ReplayExporter.class.getName());

    private final Writer out;

    public ReplayExporter(Writer out) {
        this.out = out;
    }

    public int export(Track track) throws IOException {
        SimpleDateFormat dtg = new SimpleDateFormat("yyMMdd HHmmss.SSS"); //@{1}TIME-01
02|        dtg.setTimeZone(TimeZone.getTimeZone("GMT"));
        int count = 0;
        for (Fix fix : track.getFixes()) {
            out.write(dtg.format(fix.getTime()));
            out.write(' ');
            out.write(quoted(track.getName()));
            out.write(" @C ");
            out.write(formatPosition(fix.getLatitude(), fix.getLongitude()));
            out.write(String.format(" %.1f %.1f %.1f", fix.getCourseDegs(), fix.getSpeedKts(), fix.getDepthM()));
            out.write("\r\n");
            count++;
        }
01|        LOGGER.log(Level.FINE, "Exported {0} fixes of {1}", new Object[] {count, track.getName()});
2|        LOGGER.fine("Exported " + count + " fixes of " + track.getName() + " from " + track.getStart()); //@LOG-02
        return count;
    }

    private static String quoted(String name) {
        return name.indexOf(' ') >= 0 ? "\"" + name + "\"" : name;
    }

    private static String formatPosition(double lat, double lon) {
        return degrees(Math.abs(lat), 2) + (lat >= 0 ? " N " : " S ") + degrees(Math.abs(lon), 3) + (lon >= 0 ? " E" : " W");
    }

    private static String degrees(double value, int width) {
        int deg = (int) value;
        double minutes = (value - deg) * 60;
        int min = (int) minutes;
        double sec = (minutes - min) * 60;
        return String.format("%0" + width + "d %02d %05.2f", deg, min, sec);
    }
}
''')
DEBRIEF_BASE = ['Debrief.Tracks.Fix', 'Debrief.Tracks.Track', 'java.io.IOException', 'java.io.Writer',
                'java.text.SimpleDateFormat', 'java.util.logging.Level', 'java.util.logging.Logger']
cases_of(case, GH + 'debrief/debrief/issues/2823',
         'org.mwc.debrief.core/' + src('org.mwc.debrief.core.exporters', 'ReplayExporter'),
         JV('org.mwc.debrief.core.exporters', {0: DEBRIEF_BASE + ['java.util.TimeZone'],
                                                1: DEBRIEF_BASE,
                                                2: DEBRIEF_BASE + ['java.util.TimeZone']})(DEBRIEF), [
             (1, 'java-00-debrief-export-dtg-in-local-time',
              'an edit drops the GMT zone of the export\'s date-time formatter, so on an analyst\'s laptop in '
              'summer time every exported fix is an hour off', 'edit'),
             (2, 'java-00-debrief-export-log-concatenated',
              'an edit logs each export with a concatenated message, building the string even when fine logging '
              'is off', 'edit'),
             (0, 'java-ok-00-debrief-export-dtg-in-gmt',
              'clean: the fix formats the date-time group in GMT', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TX-01 / ERR-01: registrations of a student event-management system (SGEC)
SGEC = template('sgec-inscricao-dao', r'''
/**
 * Inscricoes (registrations) of participants in events, kept with the event's count of free places.
 */
public class InscricaoDAO {

    private final DataSource dataSource;

    public InscricaoDAO(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Registers the participant; returns false when the event has no free place left. */
    public boolean inscrever(long eventoId, long participanteId) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
02|            if (vagasLivres(conn, eventoId) <= 0) {
02|                return false;
02|            }
            conn.setAutoCommit(false); //@{1}TX-01
1|            if (vagasLivres(conn, eventoId) <= 0) {
1|                return false;
1|            }
            try (PreparedStatement insert = conn.prepareStatement(
                         "INSERT INTO inscricao (evento_id, participante_id, criada_em) VALUES (?, ?, now())");
                 PreparedStatement update = conn.prepareStatement(
                         "UPDATE evento SET vagas = vagas - 1 WHERE id = ?")) {
                insert.setLong(1, eventoId);
                insert.setLong(2, participanteId);
                insert.executeUpdate();
                update.setLong(1, eventoId);
                update.executeUpdate();
                conn.commit();
                return true;
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            }
        }
    }

    /** Cancels a registration; returns whether there was one. */
    public boolean cancelar(long eventoId, long participanteId) {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement delete = conn.prepareStatement(
                     "DELETE FROM inscricao WHERE evento_id = ? AND participante_id = ?")) {
            delete.setLong(1, eventoId);
            delete.setLong(2, participanteId);
            return delete.executeUpdate() > 0;
01|        } catch (SQLException e) {
01|            throw new DAOException("Erro ao cancelar inscricao no evento " + eventoId, e);
01|        }
2|        } catch (SQLException e) { //@ERR-01
2|            return false;
2|        }
    }

    private int vagasLivres(Connection conn, long eventoId) throws SQLException {
        try (PreparedStatement query = conn.prepareStatement("SELECT vagas FROM evento WHERE id = ?")) {
            query.setLong(1, eventoId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
''')
cases_of(case, GH + 'gustavohenriquefs/SGEC/issues/174', src('br.ufc.sgec.dao', 'InscricaoDAO'),
         J('br.ufc.sgec.dao', ['java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet',
                               'java.sql.SQLException', 'javax.sql.DataSource'])(SGEC), [
             (1, 'java-00-sgec-full-event-returns-inside-transaction',
              'an edit moves the free-places check inside the transaction and returns from it without rollback, '
              'so a registration refused for a full event leaves its transaction open on the pooled connection',
              'edit'),
             (2, 'java-00-sgec-cancel-failure-swallowed',
              'an edit answers a failed cancellation with false, so a database error reads as "no registration '
              'to cancel" and is never logged', 'edit'),
             (0, 'java-ok-00-sgec-full-event-checked-before-transaction',
              'clean: the fix checks the free places before the transaction begins', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: client handling of a hobby strategy game's server (ProjektGG)
PROJEKTGG = template('projektgg-game-server', r'''
/**
 * The lobby server of a multiplayer match: every client connection is served by a worker of a small pool.
 */
public class GameServer {

    private static final int MAX_PLAYERS = 6;

    private final ServerSocket serverSocket;
    private final ExecutorService workers;
    private final List<ClientConnection> clients = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public GameServer(int port) throws IOException {
        this.serverSocket = new ServerSocket(port);
02|        this.workers = new ThreadPoolExecutor(2, MAX_PLAYERS + 2, 30, TimeUnit.SECONDS,
02|                new ArrayBlockingQueue<>(16), new ThreadPoolExecutor.CallerRunsPolicy());
1|        this.workers = Executors.newCachedThreadPool(); //@CONC-02
    }

    public void run() {
        while (running) {
            try {
                Socket socket = serverSocket.accept();
                if (clients.size() >= MAX_PLAYERS) {
                    socket.close();
                    continue;
                }
                ClientConnection client = new ClientConnection(socket, this);
                clients.add(client);
                workers.execute(client);
            } catch (IOException e) {
                if (running) {
                    System.err.println("[Server] accept failed: " + e.getMessage());
                }
            }
        }
    }

    /** Sends a lobby message to every client but the sender, off the sender's thread. */
    public void broadcast(ClientConnection sender, LobbyMessage message) {
        for (ClientConnection client : clients) {
            if (client != sender) {
01|                workers.execute(() -> client.send(message));
2|                workers.submit(() -> client.send(message)); //@CONC-06
            }
        }
    }

    public void disconnected(ClientConnection client) {
        clients.remove(client);
    }

    public void stop() throws IOException {
        running = false;
        serverSocket.close();
        workers.shutdownNow();
    }
}
''')
PROJEKTGG_BASE = ['java.io.IOException', 'java.net.ServerSocket', 'java.net.Socket', 'java.util.List',
                  'java.util.concurrent.CopyOnWriteArrayList', 'java.util.concurrent.ExecutorService']
PROJEKTGG_POOL = ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor',
                  'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'eskalon/ProjektGG/issues/16', 'core/' + src('de.eskalon.gg.net', 'GameServer'),
         JV('de.eskalon.gg.net', {0: PROJEKTGG_BASE + PROJEKTGG_POOL,
                                  1: PROJEKTGG_BASE + ['java.util.concurrent.Executors'],
                                  2: PROJEKTGG_BASE + PROJEKTGG_POOL})(PROJEKTGG), [
             (1, 'java-00-projektgg-unbounded-worker-pool',
              'an edit serves clients and broadcasts on a cached thread pool, so a burst of lobby messages '
              'starts a thread per message with nothing to push back', 'edit'),
             (2, 'java-00-projektgg-broadcast-future-dropped',
              'an edit submits each broadcast and drops its future, so a send that throws disappears and the '
              'other players silently miss the message', 'edit'),
             (0, 'java-ok-00-projektgg-bounded-worker-pool',
              'clean: the fix serves clients on a bounded pool whose full queue runs work on the caller', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: update check of a genome browser (ASCIIGenome)
ASCIIGENOME = template('asciigenome-check-updates', r'''
public class Utils {

    private static final String RELEASES = "https://api.github.com/repos/dariober/ASCIIGenome/releases/latest";

    /**
     * Returns the tag of the latest release, or null when it cannot be fetched within timeoutMillis.
     */
    public static String latestReleaseTag(int timeoutMillis) {
        try {
            URL url = new URL(RELEASES);
02|            URLConnection conn = url.openConnection();
02|            conn.setConnectTimeout(timeoutMillis);
02|            conn.setReadTimeout(timeoutMillis);
0|            try (BufferedReader br = new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8))) {
1|            try (BufferedReader br = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) { //@TMO-01
01|                return tagOf(br.lines().collect(Collectors.joining()));
01|            }
2|            BufferedReader br = new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8)); //@RES-01
2|            return tagOf(br.lines().collect(Collectors.joining()));
        } catch (IOException e) {
            return null;
        }
    }

    /** Prints a note on stderr when a newer release than the running one exists. */
    public static void checkUpdates(String runningVersion, int timeoutMillis) {
        String latest = latestReleaseTag(timeoutMillis);
        if (latest == null) {
            System.err.println("Could not check for updates.");
            return;
        }
        if (versionCompare(latest.replaceFirst("^v", ""), runningVersion) > 0) {
            System.err.println("NOTE: ASCIIGenome " + latest + " is available; this is " + runningVersion + ".");
        }
    }

    static String tagOf(String json) {
        Matcher m = Pattern.compile("\"tag_name\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static int versionCompare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
''')
ASCII_BASE = ['java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStreamReader', 'java.net.URL',
              'java.nio.charset.StandardCharsets', 'java.util.regex.Matcher', 'java.util.regex.Pattern',
              'java.util.stream.Collectors']
cases_of(case, GH + 'dariober/ASCIIGenome/issues/119', src('samTextViewer', 'Utils'),
         JV('samTextViewer', {0: ASCII_BASE + ['java.net.URLConnection'], 1: ASCII_BASE,
                              2: ASCII_BASE + ['java.net.URLConnection']})(ASCIIGENOME), [
             (1, 'java-00-asciigenome-update-check-without-timeout',
              'an edit reads the latest release with URL.openStream, so the timeout argument is never applied '
              'and the browser hangs on exit when GitHub cannot be reached', 'edit'),
             (2, 'java-00-asciigenome-update-check-reader-never-closed',
              'an edit reads the release answer through a reader it never closes, so each update check leaves '
              'its connection open', 'edit'),
             (0, 'java-ok-00-asciigenome-update-check-with-timeout',
              'clean: the fix opens the connection with connect and read timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / CONC-04: Netty dispatch handler of a vehicle-terminal protocol framework (jt-framework)
JTFRAMEWORK = template('jt-framework-dispatch-handler', r'''
/**
 * Dispatches decoded JT/T 808 requests of a terminal's channel and writes the encoded responses back.
 */
@ChannelHandler.Sharable
public class Jt808DispatchChannelHandlerAdapter extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(Jt808DispatchChannelHandlerAdapter.class);
    private static final ThreadLocal<Jt808Session> CURRENT_SESSION = new ThreadLocal<>();

    private final Jt808RequestDispatcher dispatcher;
    private final Jt808SessionManager sessionManager;
    private final Jt808ResponseEncoder encoder;

    public Jt808DispatchChannelHandlerAdapter(Jt808RequestDispatcher dispatcher, Jt808SessionManager sessionManager,
                                              Jt808ResponseEncoder encoder) {
        this.dispatcher = dispatcher;
        this.sessionManager = sessionManager;
        this.encoder = encoder;
    }

    public static Jt808Session currentSession() {
        return CURRENT_SESSION.get();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Jt808Request request = (Jt808Request) msg;
        Jt808Session session = sessionManager.persistence(request.terminalId(), ctx.channel());
        CURRENT_SESSION.set(session); //@{2}CONC-04
01|        try {
01|            respond(ctx, dispatcher.dispatch(request));
01|        } finally {
01|            CURRENT_SESSION.remove();
01|        }
2|        respond(ctx, dispatcher.dispatch(request));
    }

    private void respond(ChannelHandlerContext ctx, Jt808Response response) {
        if (response == null) {
            return;
        }
        ByteBuf out = ctx.alloc().buffer(); //@{1}RES-01
        encoder.encode(response, out);
        if (!ctx.channel().isActive()) {
02|            out.release();
            log.warn("terminal channel {} closed before response {} was written", ctx.channel().id(), response.msgId());
            return;
        }
        ctx.writeAndFlush(out);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.error("error on terminal channel {}", ctx.channel().id(), cause);
        ctx.close();
    }
}
''')
cases_of(case, GH + 'hylexus/jt-framework/issues/64',
         'jt-808-server-support/' + src('io.github.hylexus.jt.jt808.support.netty',
                                                     'Jt808DispatchChannelHandlerAdapter'),
         J('io.github.hylexus.jt.jt808.support.netty', SLF4J + [
             'io.github.hylexus.jt.jt808.spec.Jt808Request', 'io.github.hylexus.jt.jt808.spec.Jt808Response',
             'io.github.hylexus.jt.jt808.spec.session.Jt808Session',
             'io.github.hylexus.jt.jt808.spec.session.Jt808SessionManager',
             'io.github.hylexus.jt.jt808.support.codec.Jt808ResponseEncoder',
             'io.github.hylexus.jt.jt808.support.dispatcher.Jt808RequestDispatcher', 'io.netty.buffer.ByteBuf',
             'io.netty.channel.ChannelHandler', 'io.netty.channel.ChannelHandlerContext',
             'io.netty.channel.ChannelInboundHandlerAdapter'])(JTFRAMEWORK), [
             (1, 'java-00-jt-framework-response-buffer-leaked-on-closed-channel',
              'an edit returns without releasing the pooled response buffer when the terminal\'s channel closed '
              'meanwhile, so Netty reports LEAK: ByteBuf.release() was not called', 'edit'),
             (2, 'java-00-jt-framework-session-thread-local-never-removed',
              'an edit binds the terminal session to the event-loop thread and never removes it, so the next '
              'terminal served on that thread sees the previous one\'s session', 'edit'),
             (0, 'java-ok-00-jt-framework-response-buffer-released',
              'clean: the fix releases the response buffer before returning', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / ERR-01: infrared transmitter client of an assistive-technology platform (AsTeRICS)
ASTERICS = template('asterics-irtrans-client', r'''
/**
 * TCP client of an IrTrans server: sends infrared commands and reads the server's answers on a reader thread.
 */
public class IrTransClient implements Runnable {

    private final Socket socket;
    private final BufferedReader in;
    private final PrintWriter out;
    private final Consumer<String> answers;
    private volatile boolean running = true;

    public IrTransClient(String host, int port, Consumer<String> answers) throws IOException {
        this.socket = new Socket();
        this.socket.connect(new InetSocketAddress(host, port), 3000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        this.out = new PrintWriter(socket.getOutputStream(), true);
        this.answers = answers;
    }

    @Override
    public void run() {
        while (running) {
            try {
                String line = in.readLine();
                if (line == null) {
                    AstericsErrorHandling.instance.getLogger().info("IrTrans server closed the connection");
                    break;
                }
                answers.accept(line);
            } catch (IOException e) {
02|                AstericsErrorHandling.instance.getLogger().warning("IrTrans connection lost: " + e.getMessage());
02|                break;
1|                AstericsErrorHandling.instance.getLogger().warning("IrTrans read failed: " + e.getMessage()); //@LOG-01
            }
        }
        running = false;
    }

    public void send(String command) {
        out.print("Asnd " + command + "\r\n");
        out.flush();
        if (out.checkError()) {
            AstericsErrorHandling.instance.getLogger().warning("IrTrans command not sent: " + command);
        }
    }

    public void close() {
        running = false;
        try {
            socket.close();
01|        } catch (IOException e) {
01|            AstericsErrorHandling.instance.getLogger().warning("Could not close IrTrans socket: " + e.getMessage());
01|        }
2|        } catch (IOException e) { //@ERR-01
2|        }
    }
}
''')
cases_of(case, GH + 'asterics/AsTeRICS/pull/192',
         'ARE/components/actuator.irtrans/' + src('eu.asterics.component.actuator.irtrans',
                                                                 'IrTransClient'),
         J('eu.asterics.component.actuator.irtrans', [
             'eu.asterics.mw.services.AstericsErrorHandling', 'java.io.BufferedReader', 'java.io.IOException',
             'java.io.InputStreamReader', 'java.io.PrintWriter', 'java.net.InetSocketAddress', 'java.net.Socket',
             'java.nio.charset.StandardCharsets', 'java.util.function.Consumer'])(ASTERICS), [
             (1, 'java-00-asterics-read-failure-logged-in-endless-loop',
              'an edit keeps the reader thread looping after a failed read, so once the IrTrans server is gone '
              'the same warning is logged as fast as the loop spins', 'edit'),
             (2, 'java-00-asterics-close-failure-swallowed',
              'an edit catches the failure to close the IrTrans socket and does nothing with it', 'edit'),
             (0, 'java-ok-00-asterics-read-failure-ends-loop',
              'clean: the fix logs the lost connection once and ends the reader loop', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / RES-04: periodic refresh of a GitHub comment counter (github-comment-counter)
COMMENTCOUNTER = template('github-comment-counter-refresher', r'''
/**
 * Refreshes the comment counts of an organisation's pull requests every few minutes for the leaderboard.
 */
public class CommentRefresher implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(CommentRefresher.class);

    private final String organization;
    private final String token;
    private final HttpClient http;
    private final CommentStore store;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    public CommentRefresher(String organization, String token, HttpClient http, CommentStore store) {
        this.organization = organization;
        this.token = token;
        this.http = http;
        this.store = store;
    }

    @Override
    public void start() {
01|        scheduler.scheduleWithFixedDelay(() -> {
01|            try {
01|                refresh();
01|            } catch (RuntimeException e) {
01|                LOG.error("refresh of {} failed, retrying on the next run", organization, e);
01|            }
01|        }, 0, 10, TimeUnit.MINUTES);
1|        scheduler.scheduleWithFixedDelay(this::refresh, 0, 10, TimeUnit.MINUTES); //@CONC-07
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }

    void refresh() {
02|        HttpClient client = http;
2|        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(); //@RES-04
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.github.com/orgs/" + organization + "/events"))
                .header("Authorization", "token " + token)
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GitHub answered " + response.statusCode());
        }
        store.update(CommentCounts.fromEvents(response.body()));
    }
}
''')
cases_of(case, GH + 'tzachz/github-comment-counter/pull/7',
         src('com.tzachz.commentcounter', 'CommentRefresher'),
         J('com.tzachz.commentcounter', SLF4J + [
             'io.dropwizard.lifecycle.Managed', 'java.io.IOException', 'java.io.UncheckedIOException', 'java.net.URI',
             'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse',
             'java.time.Duration', 'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
             'java.util.concurrent.TimeUnit'])(COMMENTCOUNTER), [
             (1, 'java-00-github-comment-counter-new-refresher-dies-on-first-failure',
              'a new refresher schedules its GitHub refresh without a catch, so the first failed call stops the '
              'leaderboard from ever refreshing again', 'new'),
             (2, 'java-00-github-comment-counter-new-refresher-client-per-run',
              'a new refresher builds its own HttpClient on every run instead of the shared one, so each refresh '
              'gets a new connection pool and selector thread', 'new'),
             (0, 'java-ok-00-github-comment-counter-new-refresher',
              'clean: a new refresher that catches every failure of a run and uses the shared client', 'new'),
         ])
