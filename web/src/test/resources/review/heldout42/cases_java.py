"""Round-42 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike.
Every network client sets its timeouts unless the case is about exactly that."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- RES-01 / CONC-03: stack cache of a mob-stacking plugin (StackMob)
STACKMOB = template('stackmob-cache-file', r'''
/**
 * Remembers the stack size of every stacked entity across restarts. The entity listeners update the cache on the
 * server thread; an asynchronous timer writes it to {@code cache.dat} every few minutes.
 */
public class CacheFile {

    private final StackMob sm;
    private final File file;
01|    private final Map<UUID, Integer> amountCache = new ConcurrentHashMap<>();
2|    private final Map<UUID, Integer> amountCache = new HashMap<>(); //@CONC-03

    public CacheFile(StackMob sm) {
        this.sm = sm;
        this.file = new File(sm.getDataFolder(), "cache.dat");
    }

    public void put(UUID uuid, int size) {
        amountCache.put(uuid, size);
    }

    public Integer remove(UUID uuid) {
        return amountCache.remove(uuid);
    }

    public void startAutoSave() {
        long period = sm.getConfig().getLong("caching.save-interval", 5) * 60L * 20L;
        Bukkit.getScheduler().runTaskTimerAsynchronously(sm, () -> {
            try {
                saveCache();
            } catch (IOException e) {
                sm.getLogger().log(Level.WARNING, "Could not save the stack cache.", e);
            }
        }, period, period);
    }

    public void saveCache() throws IOException {
        File temp = new File(file.getParentFile(), file.getName() + ".tmp");
02|        try (BufferedWriter writer = Files.newBufferedWriter(temp.toPath(), StandardCharsets.UTF_8)) {
02|            writeEntries(writer);
02|        }
1|        BufferedWriter writer = Files.newBufferedWriter(temp.toPath(), StandardCharsets.UTF_8); //@RES-01
1|        writeEntries(writer);
1|        writer.close();
        Files.move(temp.toPath(), file.toPath(), StandardCopyOption.REPLACE_EXISTING);
    }

    private void writeEntries(BufferedWriter writer) throws IOException {
        for (Map.Entry<UUID, Integer> entry : amountCache.entrySet()) {
            writer.write(entry.getKey() + ":" + entry.getValue());
            writer.newLine();
        }
    }

    public void loadCache() throws IOException {
        if (!file.exists()) {
            return;
        }
        for (String line : Files.readAllLines(file.toPath(), StandardCharsets.UTF_8)) {
            String[] parts = line.split(":");
            if (parts.length == 2) {
                amountCache.put(UUID.fromString(parts[0]), Integer.parseInt(parts[1]));
            }
        }
    }
}
''')
STACKMOB_COMMON = ['java.io.BufferedWriter', 'java.io.File', 'java.io.IOException',
                   'java.nio.charset.StandardCharsets', 'java.nio.file.Files', 'java.nio.file.StandardCopyOption',
                   'java.util.Map', 'java.util.UUID', 'java.util.logging.Level', 'org.bukkit.Bukkit',
                   'uk.antiperson.stackmob.StackMob']
cases_of(case, GH + 'ploppyperson/StackMob-3/issues/130', src('uk.antiperson.stackmob.tools.cache', 'CacheFile'),
         JV('uk.antiperson.stackmob.tools.cache', {
             0: STACKMOB_COMMON + ['java.util.concurrent.ConcurrentHashMap'],
             1: STACKMOB_COMMON + ['java.util.concurrent.ConcurrentHashMap'],
             2: STACKMOB_COMMON + ['java.util.HashMap']})(STACKMOB), [
             (1, 'java-00-stackmob-cache-writer-not-closed-on-failure',
              'an edit opens the cache writer outside try-with-resources and closes it after the loop, so a write that '
              'fails leaves the file handle open for the life of the server', 'edit'),
             (2, 'java-00-stackmob-cache-map-shared-with-async-save',
              'an edit turns the stack cache into a plain HashMap, which the server thread writes while the '
              'asynchronous save iterates it (ConcurrentModificationException)', 'edit'),
             (0, 'java-ok-00-stackmob-concurrent-cache-writer-closed',
              'clean: a concurrent map shared with the save task, the writer closed by try-with-resources', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- LOG-01 / LOG-02: packet loop of a game server (LunarCore)
LUNARCORE = template('lunarcore-session', r'''
public class GameSession {
    private static final int HEADER_CONST = 0x9d74c714;
    private static final int TAIL_CONST = 0xd7a152c8;

    private final GameServer server;
    private final KcpTunnel tunnel;
    private Player player;
    private SessionState state = SessionState.WAITING_FOR_TOKEN;

    public GameSession(GameServer server, KcpTunnel tunnel) {
        this.server = server;
        this.tunnel = tunnel;
    }

    /** Decodes one packet the client sent and hands it to its handler; runs for every packet of every player. */
    public void onMessage(ByteBuf packet) {
        try {
            if (packet.readInt() != HEADER_CONST) {
                return;
            }
            int opcode = packet.readShort();
            int headerLength = packet.readShort();
            int dataLength = packet.readInt();
            byte[] data = new byte[dataLength];
            packet.skipBytes(headerLength);
            packet.readBytes(data);
            if (packet.readInt() != TAIL_CONST) {
                return;
            }
02|            if (LunarCore.getConfig().getLogOptions().packets && !PacketHandler.isLooping(opcode)) {
02|                LunarCore.getLogger().info("RECV: {} ({})", CmdIdUtils.getCmdIdName(opcode), opcode);
02|            }
1|            LunarCore.getLogger().info("RECV: {} ({})", CmdIdUtils.getCmdIdName(opcode), opcode); //@LOG-01
            server.getPacketHandler().handle(this, opcode, data);
        } finally {
            packet.release();
        }
    }

    /** Encodes a packet and sends it to the client. */
    public void send(BasePacket packet) {
        byte[] data = packet.build();
        ByteBuf buf = tunnel.alloc().buffer(12 + data.length);
        buf.writeInt(HEADER_CONST);
        buf.writeShort(packet.getCmdId());
        buf.writeShort(0);
        buf.writeInt(data.length);
        buf.writeBytes(data);
        buf.writeInt(TAIL_CONST);
        tunnel.writeAndFlush(buf);
        if (LunarCore.getConfig().getLogOptions().packets && !PacketHandler.isLooping(packet.getCmdId())) {
01|            LunarCore.getLogger().info("SEND: {} ({})", CmdIdUtils.getCmdIdName(packet.getCmdId()), packet.getCmdId());
2|            LunarCore.getLogger().info("SEND: " + CmdIdUtils.getCmdIdName(packet.getCmdId()) + " (" + packet.getCmdId() + ")"); //@LOG-02
        }
    }

    public void close() {
        tunnel.close();
        if (player != null) {
            player.onLogout();
        }
    }
}
''')
cases_of(case, GH + 'Melledy/LunarCore/pull/6', src('emu.lunarcore.server.game', 'GameSession'),
         J('emu.lunarcore.server.game', [
             'emu.lunarcore.LunarCore', 'emu.lunarcore.game.player.Player', 'emu.lunarcore.server.packet.BasePacket',
             'emu.lunarcore.server.packet.CmdIdUtils', 'emu.lunarcore.server.packet.PacketHandler',
             'emu.lunarcore.server.packet.SessionState', 'emu.lunarcore.server.kcp.KcpTunnel',
             'io.netty.buffer.ByteBuf'])(LUNARCORE), [
             (1, 'java-00-lunarcore-every-received-packet-logged',
              'an edit logs every packet the server receives at info level, the looping movement and heartbeat '
              'packets included, outside the packet-logging option', 'edit'),
             (2, 'java-00-lunarcore-sent-packet-log-concatenated',
              'an edit builds the sent-packet log line by concatenation, which formats the command name on every send '
              'even with the logger above info', 'edit'),
             (0, 'java-ok-00-lunarcore-packet-logs-gated-parameterised',
              'clean: packet lines only with the option on and the packet not looping, both parameterised', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: stopping a sync task (tapdata)
TAPDATA = template('tapdata-stop-task', r'''
@Service
public class TaskStopService {
    private static final Logger logger = LoggerFactory.getLogger(TaskStopService.class);
    private static final long POLL_MS = 200;

    private final Map<String, TaskRunner> runners = new ConcurrentHashMap<>();
    private final TaskRepository taskRepository;

    public TaskStopService(TaskRepository taskRepository) {
        this.taskRepository = taskRepository;
    }

    /**
     * Asks the runner of a task to stop, waits up to timeoutMs for it to finish its current batch, interrupts it
     * after that, and marks the task stopped.
     */
    public void stopTask(String taskId, long timeoutMs) {
        TaskRunner runner = runners.get(taskId);
        if (runner == null) {
            return;
        }
        runner.requestStop();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (runner.isRunning()) {
            if (System.currentTimeMillis() > deadline) {
                logger.warn("Task {} did not stop within {} ms, interrupting it", taskId, timeoutMs);
                runner.interrupt();
                break;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MS);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
02|                logger.info("Waiting for task {} to stop was interrupted", taskId);
02|                return;
1|                // keep waiting until the runner is done
            }
        }
        runners.remove(taskId);
        try {
            taskRepository.updateStatus(taskId, TaskStatus.STOPPED);
        } catch (DataAccessException e) { //@{2}ERR-01
01|            logger.error("Task {} stopped but its status could not be saved", taskId, e);
01|            throw new TaskStopException(taskId, e);
2|            // the runner is gone either way
        }
    }
}
''')
cases_of(case, GH + 'tapdata/tapdata/pull/462', 'iengine/iengine-app/' + src('io.tapdata.flow.engine.V2.task', 'TaskStopService'),
         J('io.tapdata.flow.engine.V2.task', SLF4J + [
             'io.tapdata.flow.engine.V2.task.exception.TaskStopException', 'java.util.Map',
             'java.util.concurrent.ConcurrentHashMap', 'java.util.concurrent.TimeUnit',
             'org.springframework.dao.DataAccessException', 'org.springframework.stereotype.Service'])(TAPDATA), [
             (1, 'java-00-tapdata-stop-wait-swallows-interrupt',
              'an edit has the wait for a stopping task swallow the interrupt and poll on, so shutting the engine down '
              'waits out every stop timeout and the interrupt is lost', 'edit'),
             (2, 'java-00-tapdata-stopped-status-save-failure-ignored',
              'an edit empties the catch of the status update, so a task whose stop was not saved shows as running '
              'and nobody is told', 'edit'),
             (0, 'java-ok-00-tapdata-stop-interrupt-restored-status-failure-raised',
              'clean: the interrupt restored and the wait ended, a failed status update logged and raised', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-04: scheduled test campaigns (chutney)
CHUTNEY = template('chutney-campaign-scheduler', r'''
@Component
public class CampaignScheduler {
    private static final Logger LOGGER = LoggerFactory.getLogger(CampaignScheduler.class);

    private final CampaignExecutionEngine campaignExecutionEngine;
    private final PeriodicScheduledCampaignRepository repository;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
        r -> new Thread(r, "campaign-scheduler"));

    public CampaignScheduler(CampaignExecutionEngine campaignExecutionEngine,
                             PeriodicScheduledCampaignRepository repository, Clock clock) {
        this.campaignExecutionEngine = campaignExecutionEngine;
        this.repository = repository;
        this.clock = clock;
    }

    @PostConstruct
    public void start() {
02|        executor.scheduleAtFixedRate(this::runDueCampaigns, 0, 1, TimeUnit.MINUTES);
1|        executor.scheduleAtFixedRate(this::executeDueCampaigns, 0, 1, TimeUnit.MINUTES); //@CONC-07
    }

    @PreDestroy
    public void stop() {
        executor.shutdownNow();
    }

02|    private void runDueCampaigns() {
02|        try {
02|            executeDueCampaigns();
02|        } catch (Throwable t) {
02|            LOGGER.error("Scheduled campaign run failed, next run in a minute", t);
02|        }
02|    }
02|
    void executeDueCampaigns() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<PeriodicScheduledCampaign> due = repository.getALl().stream()
            .filter(c -> !c.nextExecutionDate.isAfter(now))
            .collect(Collectors.toList());
        for (PeriodicScheduledCampaign campaign : due) {
01|            MDC.put("campaignId", String.valueOf(campaign.campaignId));
2|            MDC.put("campaign", campaign.campaignTitle); //@CONC-04
            try {
                campaignExecutionEngine.executeScheduledCampaign(campaign.campaignId, "auto");
                repository.removeById(campaign.id);
                if (campaign.frequency != Frequency.EMPTY) {
                    repository.add(campaign.nextScheduledExecution());
                }
            } catch (RuntimeException e) {
                LOGGER.error("Scheduled campaign {} failed", campaign.campaignId, e);
01|            } finally {
01|                MDC.remove("campaignId");
            }
        }
    }
}
''')
cases_of(case, GH + 'chutney-testing/chutney-legacy/issues/498',
         'server/' + src('com.chutneytesting.design.domain.scheduling', 'CampaignScheduler'),
         J('com.chutneytesting.design.domain.scheduling', SLF4J + [
             'com.chutneytesting.execution.domain.campaign.CampaignExecutionEngine', 'java.time.Clock',
             'java.time.LocalDateTime', 'java.util.List', 'java.util.concurrent.Executors',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
             'java.util.stream.Collectors', 'javax.annotation.PostConstruct', 'javax.annotation.PreDestroy',
             'org.slf4j.MDC', 'org.springframework.stereotype.Component'])(CHUTNEY), [
             (1, 'java-00-chutney-campaign-tick-scheduled-unguarded',
              'an edit schedules the campaign run directly instead of through its catch-all wrapper, so one '
              'repository error ends the schedule and no campaign runs again until a restart', 'edit'),
             (2, 'java-00-chutney-campaign-mdc-left-on-scheduler-thread',
              'an edit puts the campaign title in the logging context and no longer removes it, so the scheduler '
              'thread logs every later line under the last campaign run', 'edit'),
             (0, 'java-ok-00-chutney-campaign-tick-guarded-mdc-removed',
              'clean: the scheduled tick wrapped in a catch-all, the campaign id removed from the MDC in finally',
              'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: download command of a storage CLI (Peergos)
PEERGOS = template('peergos-cli-get', r'''
public class GetCommand implements Command {
    private static final int BUFFER_SIZE = 1 << 20;

    @Override
    public String name() {
        return "get";
    }

    /** Downloads a remote file of the user's Peergos space to a local path: get remote-path [local-path]. */
    @Override
    public String execute(ParsedCommand cmd, CliContext cliContext) {
        String remotePath = cliContext.resolve(cmd.firstArgument());
        Optional<FileWrapper> file = cliContext.userContext.getByPath(remotePath).join();
        if (!file.isPresent()) {
            return "Could not find " + remotePath;
        }
        if (file.get().isDirectory()) {
            return remotePath + " is a directory, use get-dir";
        }
        File localFile = cmd.hasSecondArgument() ? new File(cmd.secondArgument())
            : new File(cliContext.localDirectory, file.get().getName());
        long size = file.get().getSize();
        AsyncReader reader = file.get().getInputStream(cliContext.network, cliContext.crypto, l -> {}).join();
02|        try (FileOutputStream fout = new FileOutputStream(localFile)) {
1|        try {
1|            FileOutputStream fout = new FileOutputStream(localFile); //@RES-01
            copy(reader, fout, size, cliContext);
        } catch (IOException ioe) { //@{2}ERR-01
01|            return "Failed to write " + localFile + ": " + ioe.getMessage();
2|            // a partial file is still better than nothing
        }
        return "Downloaded " + remotePath + " to " + localFile;
    }

    private static void copy(AsyncReader reader, OutputStream out, long size, CliContext cliContext) throws IOException {
        byte[] buf = new byte[BUFFER_SIZE];
        long done = 0;
        while (done < size) {
            int read = reader.readIntoArray(buf, 0, (int) Math.min(buf.length, size - done)).join();
            out.write(buf, 0, read);
            done += read;
            cliContext.progress(done, size);
        }
    }
}
''')
cases_of(case, GH + 'Peergos/Peergos/pull/1363', 'src/peergos/server/cli/GetCommand.java',
         J('peergos.server.cli', [
             'java.io.File', 'java.io.FileOutputStream', 'java.io.IOException', 'java.io.OutputStream',
             'java.util.Optional', 'peergos.shared.user.fs.AsyncReader', 'peergos.shared.user.fs.FileWrapper'])(PEERGOS), [
             (1, 'java-00-peergos-get-output-stream-not-closed',
              'an edit opens the local file of the download outside try-with-resources and never closes it, so every '
              'get of the CLI session leaves a file handle open and the file may lack its last bytes', 'edit'),
             (2, 'java-00-peergos-get-write-failure-swallowed',
              'an edit empties the catch of the local write, so a failed download reports success over a partial '
              'file', 'edit'),
             (0, 'java-ok-00-peergos-get-stream-closed-failure-reported',
              'clean: the local stream closed by try-with-resources, a failed write reported to the user', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: primary network interface probe (qz tray)
QZTRAY = template('qz-tray-network', r'''
public class NetworkUtilities {
    private static final Logger log = LogManager.getLogger(NetworkUtilities.class);
    private static final int SOCKET_TIMEOUT_MS = 2000;
    private static final String DEFAULT_HOSTNAME = "google.com";
    private static final int DEFAULT_PORT = 443;

    private NetworkUtilities() {}

    /**
     * The local address the system uses to reach hostname:port, found by opening a connection to it; the address of
     * the first up, non-loopback interface when the host cannot be reached.
     */
    public static InetAddress getPrimaryAddress(String hostname, int port) throws SocketException {
        if (hostname == null || hostname.isEmpty()) {
            hostname = DEFAULT_HOSTNAME;
            port = DEFAULT_PORT;
        }
        log.info("Initiating a temporary connection to \"{}:{}\" to determine main network interface", hostname, port);
        try {
            return connectAndGetLocal(hostname, port);
        } catch (IOException e) {
            log.warn("Could not connect to {}:{}, using the first interface instead", hostname, port, e);
            return firstUpInterfaceAddress();
        }
    }

    private static InetAddress connectAndGetLocal(String hostname, int port) throws IOException {
        Socket socket = new Socket(); //@{2}RES-01
        try {
02|            socket.connect(new InetSocketAddress(hostname, port), SOCKET_TIMEOUT_MS);
1|            socket.connect(new InetSocketAddress(hostname, port)); //@TMO-01
01|        } finally {
2|        } catch (IOException e) {
            socket.close();
2|            throw e;
        }
        return socket.getLocalAddress();
    }

    private static InetAddress firstUpInterfaceAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLinkLocalAddress()) {
                    return address;
                }
            }
        }
        return InetAddress.getLoopbackAddress();
    }
}
''')
cases_of(case, GH + 'qzind/tray/issues/1143', 'src/qz/utils/NetworkUtilities.java',
         J('qz.utils', [
             'java.io.IOException', 'java.net.InetAddress', 'java.net.InetSocketAddress', 'java.net.NetworkInterface',
             'java.net.Socket', 'java.net.SocketException', 'java.util.Collections',
             'org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger'])(QZTRAY), [
             (1, 'java-00-qz-tray-interface-probe-connect-without-timeout',
              'an edit connects the interface probe socket without a timeout, so a network that drops the SYN keeps '
              'the websocket request waiting for minutes', 'edit'),
             (2, 'java-00-qz-tray-interface-probe-socket-kept-open',
              'an edit closes the probe socket only when the connect fails, so every successful probe leaves a '
              'connection to the host open', 'edit'),
             (0, 'java-ok-00-qz-tray-interface-probe-bounded-and-closed',
              'clean: the probe connect bounded by a timeout, the socket closed on every path', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / TX-01: mail store of a chat plugin (ChatControl)
CHATCONTROL = template('chatcontrol-mail-store', r'''
public final class MailStore {
    private static final String INSERT_MAIL = "INSERT INTO {table} (UUID, Sender, Recipient, Subject, Body, Sent) "
        + "VALUES (?, ?, ?, ?, ?, ?)";

    private final HikariDataSource dataSource;
    private final String table;
    private final String url;
    private final String user;
    private final String password;

    public MailStore(HikariDataSource dataSource, String table, String url, String user, String password) {
        this.dataSource = dataSource;
        this.table = table;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Stores the mails of one send (a mail to a whole group gives one row per recipient) together or not at all. */
    public void saveMails(List<Mail> mails) throws SQLException {
1|        if (mails.isEmpty()) {
1|            return;
1|        }
01|        try (Connection connection = dataSource.getConnection()) {
2|        try (Connection connection = DriverManager.getConnection(url, user, password)) { //@RES-04
            connection.setAutoCommit(false); //@{1}TX-01
            try (PreparedStatement statement = connection.prepareStatement(INSERT_MAIL.replace("{table}", table))) {
                for (Mail mail : mails) {
                    bind(statement, mail);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
02|            } catch (SQLException ex) {
02|                connection.rollback();
02|                throw ex;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void bind(PreparedStatement statement, Mail mail) throws SQLException {
        statement.setString(1, mail.getUniqueId().toString());
        statement.setString(2, mail.getSender().toString());
        statement.setString(3, mail.getRecipient().toString());
        statement.setString(4, mail.getSubject());
        statement.setString(5, mail.getBody());
        statement.setLong(6, mail.getSentDate());
    }
}
''')
cases_of(case, GH + 'kangarko/ChatControl/issues/2521', src('org.mineacademy.chatcontrol.model.db', 'MailStore'),
         JV('org.mineacademy.chatcontrol.model.db', {
             v: ['com.zaxxer.hikari.HikariDataSource', 'java.sql.Connection', 'java.sql.PreparedStatement',
                 'java.sql.SQLException', 'java.util.List', 'org.mineacademy.chatcontrol.model.Mail']
             + (['java.sql.DriverManager'] if v == 2 else []) for v in (0, 1, 2)})(CHATCONTROL), [
             (1, 'java-00-chatcontrol-mail-batch-not-rolled-back',
              'an edit skips empty sends and drops the rollback of the mail batch, so a failed insert returns the '
              'connection to the pool with its half-written transaction open', 'edit'),
             (2, 'java-00-chatcontrol-mail-connection-per-save',
              'an edit opens a new JDBC connection for every send instead of borrowing one from the pool, so a busy '
              'server fills the database\'s connection limit', 'edit'),
             (0, 'java-ok-00-chatcontrol-mail-pooled-batch-rolled-back',
              'clean: a pooled connection per send, the batch rolled back when an insert fails', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-06: parallel hashing of a checksum CLI (jacksum)
JACKSUM = template('jacksum-hashing-pipeline', r'''
/**
 * Hashes the files of a run on several threads. The reading thread hands each file to the pool; results are printed
 * in the order the files finish.
 */
public class HashingPipeline {
    private static final int QUEUE_PER_THREAD = 4;

    private final int threads;
    private final HashFunction hashFunction;
    private final ResultPrinter printer;
    private final ErrorCollector errors;

    public HashingPipeline(int threads, HashFunction hashFunction, ResultPrinter printer, ErrorCollector errors) {
        this.threads = threads;
        this.hashFunction = hashFunction;
        this.printer = printer;
        this.errors = errors;
    }

    public void hashAll(List<Path> files) throws InterruptedException {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
02|            new ArrayBlockingQueue<>(threads * QUEUE_PER_THREAD), new ThreadPoolExecutor.CallerRunsPolicy());
1|            new LinkedBlockingQueue<>()); //@CONC-02
01|        List<Future<?>> pending = new ArrayList<>(files.size());
        try {
            for (Path file : files) {
01|                pending.add(executor.submit(() -> hashOne(file)));
2|                executor.submit(() -> hashOne(file)); //@CONC-06
            }
01|            for (Future<?> result : pending) {
01|                try {
01|                    result.get();
01|                } catch (ExecutionException e) {
01|                    errors.add(e.getCause());
01|                }
01|            }
        } finally {
            executor.shutdown();
            executor.awaitTermination(1, TimeUnit.HOURS);
        }
    }

    private void hashOne(Path file) {
        try {
            byte[] digest = hashFunction.digest(file);
            printer.print(file, digest);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
''')
JACKSUM_COMMON = ['java.io.IOException', 'java.io.UncheckedIOException', 'java.nio.file.Path', 'java.util.List',
                  'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit']
cases_of(case, GH + 'jonelo/jacksum/issues/30', src('net.jacksum.multicore', 'HashingPipeline'),
         JV('net.jacksum.multicore', {
             0: JACKSUM_COMMON + ['java.util.ArrayList', 'java.util.concurrent.ArrayBlockingQueue',
                                  'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future'],
             1: JACKSUM_COMMON + ['java.util.ArrayList', 'java.util.concurrent.LinkedBlockingQueue',
                                  'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future'],
             2: JACKSUM_COMMON + ['java.util.concurrent.ArrayBlockingQueue']})(JACKSUM), [
             (1, 'java-00-jacksum-pipeline-unbounded-work-queue',
              'a new hashing pipeline queues every file of the run in an unbounded queue in front of the pool, so a '
              'run over millions of files fills the heap before the threads catch up', 'new'),
             (2, 'java-00-jacksum-pipeline-task-failures-never-read',
              'a new hashing pipeline submits each file and never reads the futures, so a file that cannot be read '
              'fails silently and the run ends as if every file were hashed', 'new'),
             (0, 'java-ok-00-jacksum-pipeline-bounded-failures-collected',
              'clean: a new pipeline with a bounded queue that runs on the caller when full, every future read and '
              'its failure collected', 'new'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-02: plugin threads of an IRC bot (choob)
CHOOB = template('choob-plugin-threads', r'''
/** Runs the commands and interval callbacks of the bot's plugins on threads of their own. */
public final class ChoobThreadManager {
    private static final Logger logger = LoggerFactory.getLogger(ChoobThreadManager.class);
    private static final int MAX_THREADS_PER_PLUGIN = 5;

    private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();
    private final ChoobErrorReporter reporter;

    public ChoobThreadManager(ChoobErrorReporter reporter) {
        this.reporter = reporter;
    }

    /** Queues a task of a plugin; the task fails with a RejectedExecutionException when the plugin is saturated. */
    public Future<?> queueTask(String pluginName, Runnable task) {
        return pools.computeIfAbsent(pluginName.toLowerCase(Locale.ROOT), this::newPool).submit(task);
    }

    private ExecutorService newPool(String pluginName) {
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "choob-" + pluginName + "-" + THREAD_IDS.incrementAndGet()); //@{1}CONC-01
02|            thread.setUncaughtExceptionHandler((t, e) -> {
02|                logger.error("Plugin {} thread {} died", pluginName, t.getName(), e);
02|                reporter.report(pluginName, e);
02|            });
            thread.setDaemon(true);
            return thread;
        };
01|        return new ThreadPoolExecutor(0, MAX_THREADS_PER_PLUGIN, 60L, TimeUnit.SECONDS, new SynchronousQueue<>(),
01|            factory);
2|        return Executors.newCachedThreadPool(factory); //@CONC-02
    }

    public void shutdown() {
        pools.values().forEach(ExecutorService::shutdownNow);
    }

    private static final AtomicInteger THREAD_IDS = new AtomicInteger();
}
''')
CHOOB_COMMON = SLF4J + ['java.util.Locale', 'java.util.Map', 'java.util.concurrent.ConcurrentHashMap',
                        'java.util.concurrent.ExecutorService', 'java.util.concurrent.Future',
                        'java.util.concurrent.ThreadFactory', 'java.util.concurrent.atomic.AtomicInteger']
cases_of(case, GH + 'UWCS/choob/issues/217', src('uk.co.uwcs.choob.support', 'ChoobThreadManager'),
         JV('uk.co.uwcs.choob.support', {
             0: CHOOB_COMMON + ['java.util.concurrent.SynchronousQueue', 'java.util.concurrent.ThreadPoolExecutor',
                                'java.util.concurrent.TimeUnit'],
             1: CHOOB_COMMON + ['java.util.concurrent.SynchronousQueue', 'java.util.concurrent.ThreadPoolExecutor',
                                'java.util.concurrent.TimeUnit'],
             2: CHOOB_COMMON + ['java.util.concurrent.Executors']})(CHOOB), [
             (1, 'java-00-choob-plugin-threads-without-uncaught-handler',
              'an edit builds the plugin threads without the handler that logs and reports a dying thread, so a '
              'plugin thread that throws disappears without a trace', 'edit'),
             (2, 'java-00-choob-plugin-pool-unbounded-threads',
              'an edit gives each plugin a cached thread pool, so a plugin flooded with commands or intervals starts '
              'a thread for every one', 'edit'),
             (0, 'java-ok-00-choob-plugin-pool-bounded-handled-threads',
              'clean: at most five threads per plugin, each with an uncaught-exception handler', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-03: client of a key-value server (javassdb)
JAVASSDB = template('javassdb-client', r'''
/** A client of one SSDB server, keeping up to maxIdle idle connections for reuse across threads. */
public class SSDBClient {
    private final String host;
    private final int port;
    private final int timeoutMs;
    private final int maxIdle;
    private final Deque<Link> idle = new ArrayDeque<>();

    public SSDBClient(String host, int port, int timeoutMs, int maxIdle) {
        this.host = host;
        this.port = port;
        this.timeoutMs = timeoutMs;
        this.maxIdle = maxIdle;
    }

    public byte[] get(String key) throws IOException {
        Link link = borrow();
        boolean healthy = false;
        try {
            Response resp = link.request("get", key.getBytes(StandardCharsets.UTF_8));
            healthy = true;
            if (resp.notFound()) {
                return null;
            }
            resp.ensureOk();
            return resp.raw.get(1);
        } finally {
            giveBack(link, healthy);
        }
    }

01|    private synchronized Link borrow() throws IOException {
2|    private Link borrow() throws IOException { //@CONC-03
        Link link = idle.pollFirst();
        return link != null ? link : open();
    }

    private synchronized void giveBack(Link link, boolean healthy) {
        if (healthy && idle.size() < maxIdle) {
            idle.addFirst(link);
        } else {
            link.close();
        }
    }

    private Link open() throws IOException {
        Socket sock = new Socket();
        sock.setTcpNoDelay(true);
        sock.setKeepAlive(true);
02|        sock.connect(new InetSocketAddress(host, port), timeoutMs);
02|        sock.setSoTimeout(timeoutMs);
1|        sock.connect(new InetSocketAddress(host, port)); //@TMO-01
        return new Link(sock);
    }
}
''')
cases_of(case, GH + 'ssdb/javassdb/issues/1', 'src/com/udpwork/ssdb/SSDBClient.java',
         J('com.udpwork.ssdb', [
             'java.io.IOException', 'java.net.InetSocketAddress', 'java.net.Socket',
             'java.nio.charset.StandardCharsets', 'java.util.ArrayDeque', 'java.util.Deque'])(JAVASSDB), [
             (1, 'java-00-javassdb-renamed-client-connect-without-timeout',
              'a PR renames the client class with its file and opens its connections without a connect or read '
              'timeout, so an unreachable server blocks the calling thread', 'rename'),
             (2, 'java-00-javassdb-renamed-client-idle-deque-unsynchronised',
              'a PR renames the client class with its file and takes the lock off borrowing, so two threads poll the '
              'idle deque while a third returns a connection to it', 'rename'),
             (0, 'java-ok-00-javassdb-renamed-client-timeouts-synchronised',
              'clean: the rename alone; connections opened with connect and read timeouts, the idle deque guarded on '
              'both sides', 'rename'),
         ], rename_from='src/com/udpwork/ssdb/SSDB.java',
         rename_old=lambda t: t.replace('SSDBClient', 'SSDB'))
