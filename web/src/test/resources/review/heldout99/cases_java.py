"""Round-99 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-02 / ERR-01: timetable pages of a railway planning core (osrd)
OSRD = template('osrd-timetable-provider', r'''
/**
 * Reads the train schedules of a timetable from editoast, page by page, for the simulation and conflict detection
 * workers. A full timetable import asks for hundreds of pages over one OkHttp client.
 */
public class TimetableProvider {
    static final Logger logger = LoggerFactory.getLogger(TimetableProvider.class);
    private static final int MAX_ATTEMPTS = 3;

    private final OkHttpClient client;
    private final HttpUrl editoastUrl;
    private final JsonAdapter<TrainSchedulePage> pageAdapter;

    public TimetableProvider(OkHttpClient client, HttpUrl editoastUrl, Moshi moshi) {
        this.client = client;
        this.editoastUrl = editoastUrl;
        this.pageAdapter = moshi.adapter(TrainSchedulePage.class);
    }

    /** Fetches one page of the train schedules of a timetable, retrying transient failures. */
    TrainSchedulePage getPage(long timetableId, int page) throws IOException {
        HttpUrl url = editoastUrl.newBuilder()
                .addPathSegments("timetable/" + timetableId + "/train_schedules")
                .addQueryParameter("page", Integer.toString(page))
                .build();
        IOException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Request request = new Request.Builder().url(url).header("Accept", "application/json").build();
02|            try (Response response = client.newCall(request).execute()) {
1|            try {
1|                Response response = client.newCall(request).execute(); //@RES-02
                if (!response.isSuccessful()) {
1|                    response.close();
                    last = new IOException("editoast answered " + response.code() + " for " + url);
                } else {
                    return pageAdapter.fromJson(response.body().source());
                }
            } catch (IOException e) { //@{2}ERR-01
01|                last = e;
01|                logger.warn("timetable page request {} failed (attempt {}/{})", url, attempt, MAX_ATTEMPTS, e);
2|                // the next attempt will tell
            }
            try {
                Thread.sleep(500L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted between attempts on " + url);
            }
        }
        throw last;
    }
}
''')
_OSRD = SLF4J + ['com.squareup.moshi.JsonAdapter', 'com.squareup.moshi.Moshi', 'java.io.IOException',
                 'java.io.InterruptedIOException', 'okhttp3.HttpUrl', 'okhttp3.OkHttpClient', 'okhttp3.Request',
                 'okhttp3.Response']
cases_of(case, GH + 'OpenRailAssociation/osrd/pull/16936', 'core/' + src('fr.sncf.osrd.api', 'TimetableProvider'),
         J('fr.sncf.osrd.api', _OSRD)(OSRD), [
             (1, 'java-00-osrd-timetable-page-response-not-closed',
              'an edit takes the response of each timetable page out of its try-with-resources and closes it only '
              'on an error status, so every page that succeeds leaks its connection', 'edit'),
             (2, 'java-00-osrd-timetable-page-failure-swallowed',
              'an edit swallows the I/O failure of a page request, so after three failed attempts the provider '
              'throws a null instead of the cause and nothing was logged', 'edit'),
             (0, 'java-ok-00-osrd-timetable-page-response-closed',
              'clean: the fix reads each page inside try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / OPS-01: jsprit runs of a transport simulation's freight contrib (matsim-libs)
MATSIM = template('matsim-carrier-jsprit', r'''
/**
 * Plans the tours of every carrier with jsprit. Carriers are solved one after the other; the insertion search of
 * each run is spread over the configured number of threads.
 */
public final class CarrierTourPlanner {
    private static final Logger log = LogManager.getLogger(CarrierTourPlanner.class);

    private final Scenario scenario;
    private final int threads;

    public CarrierTourPlanner(Scenario scenario, int threads) {
        this.scenario = scenario;
        this.threads = threads;
    }

    public void planAll(NetworkBasedTransportCosts costs) throws InterruptedException {
        Carriers carriers = CarriersUtils.getCarriers(scenario);
02|        ExecutorService executor = Executors.newFixedThreadPool(threads);
02|        try {
            for (Carrier carrier : carriers.getCarriers().values()) {
                VehicleRoutingProblem problem = MatsimJspritFactory.createRoutingProblemBuilder(carrier, scenario.getNetwork())
                        .setRoutingCost(costs)
                        .build();
                VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem)
02|                        .setExecutorService(executor, threads)
1|                        .setExecutorService(Executors.newFixedThreadPool(threads), threads) //@RES-04
                        .buildAlgorithm();
                algorithm.setMaxIterations(CarriersUtils.getJspritIterations(carrier));
                VehicleRoutingProblemSolution solution = Solutions.bestOf(algorithm.searchSolutions());
                carrier.setSelectedPlan(MatsimJspritFactory.createPlan(solution));
                log.info("carrier {}: {} tours, cost {}", carrier.getId(), solution.getRoutes().size(), solution.getCost());
            }
02|        } finally {
0|            executor.shutdown();
0|            if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
0|                log.warn("jsprit threads still running one minute after the last carrier");
0|            }
2|            executor.shutdownNow(); //@OPS-01
02|        }
    }
}
''')
_MATSIM = ['org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger',
           'com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm',
           'com.graphhopper.jsprit.core.algorithm.box.Jsprit',
           'com.graphhopper.jsprit.core.problem.VehicleRoutingProblem',
           'com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution',
           'com.graphhopper.jsprit.core.util.Solutions', 'java.util.concurrent.ExecutorService',
           'java.util.concurrent.Executors', 'org.matsim.api.core.v01.Scenario',
           'org.matsim.freight.carriers.jsprit.MatsimJspritFactory',
           'org.matsim.freight.carriers.jsprit.NetworkBasedTransportCosts']
cases_of(case, GH + 'matsim-org/matsim-libs/pull/3965',
         'contribs/freight/' + src('org.matsim.freight.carriers', 'CarrierTourPlanner'),
         JV('org.matsim.freight.carriers', {0: _MATSIM + ['java.util.concurrent.TimeUnit'], 1: _MATSIM,
                                             2: _MATSIM})(MATSIM), [
             (1, 'java-00-matsim-jsprit-executor-per-carrier',
              'an edit gives each carrier\'s jsprit run a thread pool of its own and never shuts it down, so a '
              'scenario with hundreds of carriers leaves hundreds of idle pools that keep the JVM from exiting', 'edit'),
             (2, 'java-00-matsim-jsprit-executor-shutdown-now',
              'an edit ends the jsprit pool with shutdownNow and no wait, so insertion jobs still running for the '
              'last carrier are interrupted and its plan may be built from a cut search', 'edit'),
             (0, 'java-ok-00-matsim-jsprit-executor-shut-down',
              'clean: the fix runs every carrier on one pool and shuts it down, waiting for its threads', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: feed expiration rule of a GTFS validator (gtfs-validator), CRLF file
GTFSVAL = template('gtfs-validator-feed-expiration', r'''
/**
 * Warns when the feed stops being valid within the next 7 or 30 days. "Today" is the agency's today: the validator
 * runs in the cloud, often on the other side of the date line from the feed it checks.
 */
@GtfsValidator
public class FeedExpirationDateValidator extends SingleEntityValidator<GtfsFeedInfo> {
    private static final FluentLogger logger = FluentLogger.forEnclosingClass();

    private final GtfsAgencyTableContainer agencyTable;
    private final CurrentDateTime currentDateTime;

    @Inject
    FeedExpirationDateValidator(GtfsAgencyTableContainer agencyTable, CurrentDateTime currentDateTime) {
        this.agencyTable = agencyTable;
        this.currentDateTime = currentDateTime;
    }

    @Override
    public void validate(GtfsFeedInfo entity, NoticeContainer noticeContainer) {
        if (!entity.hasFeedEndDate()) {
            return;
        }
        LocalDate endDate = entity.feedEndDate().getLocalDate();
02|        LocalDate today = currentDateTime.getNow().withZoneSameInstant(agencyZone()).toLocalDate();
1|        LocalDate today = LocalDate.now(); //@TIME-01
01|        logger.atFine().log("feed %s ends %s, agency today is %s", entity.feedPublisherName(), endDate, today);
2|        logger.atFine().log("feed " + entity.feedPublisherName() + " ends " + endDate + ", agency today is " + today); //@LOG-02
        if (endDate.isBefore(today.plusDays(7))) {
            noticeContainer.addValidationNotice(
                    new FeedExpirationDate7DaysNotice(entity.csvRowNumber(), today, endDate, today.plusDays(7)));
        } else if (endDate.isBefore(today.plusDays(30))) {
            noticeContainer.addValidationNotice(
                    new FeedExpirationDate30DaysNotice(entity.csvRowNumber(), today, endDate, today.plusDays(30)));
        }
    }

    private ZoneId agencyZone() {
        return agencyTable.getEntities().stream()
                .findFirst()
                .map(GtfsAgency::agencyTimezone)
                .orElse(ZoneOffset.UTC);
    }
}
''')
_GTFSVAL = ['com.google.common.flogger.FluentLogger', 'java.time.LocalDate', 'java.time.ZoneId',
            'java.time.ZoneOffset', 'javax.inject.Inject', 'org.mobilitydata.gtfsvalidator.annotation.GtfsValidator',
            'org.mobilitydata.gtfsvalidator.input.CurrentDateTime',
            'org.mobilitydata.gtfsvalidator.notice.NoticeContainer',
            'org.mobilitydata.gtfsvalidator.table.GtfsAgency',
            'org.mobilitydata.gtfsvalidator.table.GtfsAgencyTableContainer',
            'org.mobilitydata.gtfsvalidator.table.GtfsFeedInfo']
cases_of(case, GH + 'MobilityData/gtfs-validator/issues/1637',
         'main/' + src('org.mobilitydata.gtfsvalidator.validator', 'FeedExpirationDateValidator'),
         J('org.mobilitydata.gtfsvalidator.validator', _GTFSVAL)(GTFSVAL), [
             (1, 'java-00-gtfs-validator-expiration-today-in-server-zone',
              'an edit takes "today" from the default zone of the machine the validator runs on, so a feed of an '
              'agency a day ahead of the server gets its expiration notice a day late', 'edit'),
             (2, 'java-00-gtfs-validator-expiration-fine-log-concatenated',
              'an edit builds the fine-level trace of every feed by concatenation, so the message is built whether '
              'or not fine logging is on', 'edit'),
             (0, 'java-ok-00-gtfs-validator-expiration-today-in-agency-zone',
              'clean: the fix takes "today" in the agency\'s zone', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TIME-01 / CONC-03: service dates of GTFS-realtime updates in a transit data server (onebusaway-application-modules)
OBA = template('oba-gtfs-realtime-service-date', r'''
/**
 * Turns the trip descriptors of GTFS-realtime trip updates into the blocks they run on. Each realtime source polls
 * on its own thread; all of them share the agency zones looked up here.
 */
public class GtfsRealtimeTripLibrary {
    private static final Logger _log = LoggerFactory.getLogger(GtfsRealtimeTripLibrary.class);

01|    private static final Map<String, TimeZone> ZONES_BY_AGENCY = new ConcurrentHashMap<>();
2|    private static final Map<String, TimeZone> ZONES_BY_AGENCY = new HashMap<>(); //@CONC-03

    private AgencyService _agencyService;
    private BlockCalendarService _blockCalendarService;

    public void setAgencyService(AgencyService agencyService) {
        _agencyService = agencyService;
    }

    public void setBlockCalendarService(BlockCalendarService blockCalendarService) {
        _blockCalendarService = blockCalendarService;
    }

    /**
     * The block instance a trip update refers to on the service date it names. A service date is a day of the
     * agency's calendar, so it starts at the agency's midnight, not the server's.
     */
    BlockInstance getBlockForServiceDate(AgencyAndId tripId, String startDate) throws ParseException {
        ServiceDate serviceDate = ServiceDate.parseString(startDate);
02|        TimeZone zone = ZONES_BY_AGENCY.computeIfAbsent(tripId.getAgencyId(), _agencyService::getTimeZoneForAgencyId);
02|        long serviceDateMillis = serviceDate.getAsDate(zone).getTime();
1|        long serviceDateMillis = serviceDate.getAsDate().getTime(); //@TIME-01
        BlockInstance block = _blockCalendarService.getBlockInstance(tripId, serviceDateMillis);
        if (block == null) {
            _log.warn("block of trip {} does not exist on service date {}", tripId, serviceDate);
        }
        return block;
    }
}
''')
_OBA = SLF4J + ['java.text.ParseException', 'java.util.Map', 'java.util.TimeZone',
                'org.onebusaway.gtfs.model.AgencyAndId', 'org.onebusaway.gtfs.model.calendar.ServiceDate',
                'org.onebusaway.transit_data_federation.services.AgencyService',
                'org.onebusaway.transit_data_federation.services.blocks.BlockCalendarService',
                'org.onebusaway.transit_data_federation.services.blocks.BlockInstance']
cases_of(case, GH + 'OneBusAway/onebusaway-application-modules/pull/131',
         'onebusaway-transit-data-federation/' + src(
             'org.onebusaway.transit_data_federation.impl.realtime.gtfs_realtime', 'GtfsRealtimeTripLibrary'),
         JV('org.onebusaway.transit_data_federation.impl.realtime.gtfs_realtime',
            {0: _OBA + ['java.util.concurrent.ConcurrentHashMap'],
             1: _OBA + ['java.util.concurrent.ConcurrentHashMap'],
             2: _OBA + ['java.util.HashMap']})(OBA), [
             (1, 'java-00-oba-realtime-service-date-in-server-zone',
              'an edit turns the service date of a trip update into a time in the server\'s default zone, so a '
              'server outside the agency\'s zone looks the block up on the wrong day and drops the update', 'edit'),
             (2, 'java-00-oba-realtime-agency-zones-unsynchronized',
              'an edit keeps the agency zones every realtime source shares in a plain HashMap, so two sources '
              'polling at once corrupt the map', 'edit'),
             (0, 'java-ok-00-oba-realtime-service-date-in-agency-zone',
              'clean: the fix turns the service date into a time in the agency\'s zone', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / CONC-06: task executor of a travel demand model (mito)
MITO = template('mito-concurrent-executor', r'''
/**
 * Runs the per-purpose and per-zone tasks of the model steps (trip generation, distribution, mode choice) on a
 * fixed pool, and hands their results back in order. A task that fails must fail the model run, not vanish.
 */
public final class ConcurrentExecutor<T> {
    private static final Logger logger = LogManager.getLogger(ConcurrentExecutor.class);

    private final ExecutorService service;
    private final List<Callable<T>> tasks = new ArrayList<>();

    private ConcurrentExecutor(int threads) {
        service = Executors.newFixedThreadPool(threads, namedThreads("mito-worker"));
    }

    public static <T> ConcurrentExecutor<T> fixedPoolService(int threads) {
        return new ConcurrentExecutor<>(threads);
    }

    public void addTaskToQueue(Callable<T> task) {
        tasks.add(task);
    }

    public List<T> execute() {
        List<T> results = new ArrayList<>(tasks.size());
        try {
01|            for (Future<T> future : service.invokeAll(tasks)) {
01|                results.add(future.get());
01|            }
2|            for (Callable<T> task : tasks) {
2|                service.submit(task); //@CONC-06
2|            }
2|            service.shutdown();
2|            service.awaitTermination(1, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("model step interrupted", e);
01|        } catch (ExecutionException e) {
01|            throw new IllegalStateException("a model task failed", e.getCause());
        } finally {
            service.shutdown();
        }
        return results;
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet()); //@{1}CONC-01
02|            thread.setUncaughtExceptionHandler((t, e) -> logger.error("Uncaught exception in {}", t.getName(), e));
            return thread;
        };
    }
}
''')
_MITO = ['org.apache.logging.log4j.LogManager', 'org.apache.logging.log4j.Logger', 'java.util.ArrayList',
         'java.util.List', 'java.util.concurrent.Callable', 'java.util.concurrent.ExecutorService',
         'java.util.concurrent.Executors', 'java.util.concurrent.ThreadFactory',
         'java.util.concurrent.atomic.AtomicInteger']
cases_of(case, GH + 'msmobility/mito/pull/77',
         'mitoCore/' + src('de.tum.bgu.msm.util.concurrent', 'ConcurrentExecutor'),
         JV('de.tum.bgu.msm.util.concurrent',
            {0: _MITO + ['java.util.concurrent.ExecutionException', 'java.util.concurrent.Future'],
             1: _MITO + ['java.util.concurrent.ExecutionException', 'java.util.concurrent.Future'],
             2: _MITO + ['java.util.concurrent.TimeUnit']})(MITO), [
             (1, 'java-00-mito-worker-threads-without-handler',
              'an edit builds the model\'s worker threads without an uncaught-exception handler, so an error that '
              'escapes a worker is printed to stderr only and lost in a cluster run\'s log', 'edit'),
             (2, 'java-00-mito-task-futures-ignored',
              'an edit submits the model tasks and waits for the pool without reading their futures, so a task '
              'that throws leaves a hole in the results and the run goes on', 'edit'),
             (0, 'java-ok-00-mito-worker-threads-with-handler',
              'clean: the fix gives every worker thread an uncaught-exception handler', 'fix'),
         ])


# ---------------------------------------------------------------- TX-01 / RES-01: arrival and departure store of a transit prediction server (transitime)
TRANSITIME = template('transitime-arrival-departure-store', r'''
/**
 * Stores the arrivals and departures the predictor generates and reads them back for the schedule adherence
 * reports. Each call takes a session from the agency's session factory; nothing here may keep one past the call.
 */
public class ArrivalDepartureStore {
    private static final Logger logger = LoggerFactory.getLogger(ArrivalDepartureStore.class);

    private final String agencyId;

    public ArrivalDepartureStore(String agencyId) {
        this.agencyId = agencyId;
    }

    /** Writes a batch in one transaction: either the whole batch is stored or none of it. */
    public void storeBatch(List<ArrivalDeparture> batch) {
        Session session = HibernateUtils.getSession(agencyId);
        Transaction tx = null;
        try {
            tx = session.beginTransaction(); //@{1}TX-01
            batch.forEach(session::save);
            tx.commit();
02|        } catch (HibernateException e) {
02|            if (tx != null) {
02|                tx.rollback();
02|            }
02|            logger.error("storing {} arrivals/departures for {} failed", batch.size(), agencyId, e);
02|            throw e;
        } finally {
            session.close();
        }
    }

    /** The arrivals and departures of one vehicle between begin and end, oldest first. */
    public List<ArrivalDeparture> forVehicle(String vehicleId, Date begin, Date end) {
        Session session = HibernateUtils.getSession(agencyId); //@{2}RES-01
01|        try {
01|            return session.createQuery(FOR_VEHICLE, ArrivalDeparture.class)
01|                    .setParameter("vehicleId", vehicleId)
01|                    .setParameter("begin", begin)
01|                    .setParameter("end", end)
01|                    .list();
01|        } finally {
01|            session.close();
01|        }
2|        return session.createQuery(FOR_VEHICLE, ArrivalDeparture.class)
2|                .setParameter("vehicleId", vehicleId)
2|                .setParameter("begin", begin)
2|                .setParameter("end", end)
2|                .list();
    }

    private static final String FOR_VEHICLE = "FROM ArrivalDeparture WHERE vehicleId = :vehicleId"
            + " AND time BETWEEN :begin AND :end ORDER BY time";
}
''')
_TRANSITIME = SLF4J + ['java.util.Date', 'java.util.List', 'org.hibernate.HibernateException', 'org.hibernate.Session',
                       'org.hibernate.Transaction', 'org.transitclock.db.hibernate.HibernateUtils',
                       'org.transitclock.db.structs.ArrivalDeparture']
cases_of(case, GH + 'TheTransitClock/transitime/issues/231',
         'transitclock/' + src('org.transitclock.db.dao', 'ArrivalDepartureStore'),
         JV('org.transitclock.db.dao', {0: _TRANSITIME, 2: _TRANSITIME,
                                        1: [i for i in _TRANSITIME if i != 'org.hibernate.HibernateException']})(
             TRANSITIME), [
             (1, 'java-00-transitime-batch-transaction-not-rolled-back',
              'an edit drops the catch that rolls the batch transaction back, so a batch that fails half way leaves '
              'the transaction open on a session the finally block then closes with the locks still held', 'edit'),
             (2, 'java-00-transitime-vehicle-query-session-not-closed',
              'an edit returns the query result of a vehicle\'s arrivals straight from a session it never closes, '
              'so every adherence report leaks a session and its database connection', 'edit'),
             (0, 'java-ok-00-transitime-batch-transaction-rolled-back',
              'clean: the fix rolls a failed batch back before the session closes', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / LOG-01: routing profile loader of a navigation app (OsmAnd), renamed file
OSMAND = template('osmand-routing-config-loader', r'''
/**
 * Loads the routing profiles: the bundled routing.xml first, then every custom *.xml of the user's routing folder
 * on top of it. Custom folders can hold dozens of files; the loader runs at every start of the app.
 */
public class RoutingConfigLoader {
    private static final Log log = PlatformUtil.getLog(RoutingConfigLoader.class);

    public static RoutingConfiguration.Builder load(File routingDir) throws IOException, XmlPullParserException {
        RoutingConfiguration.Builder builder = new RoutingConfiguration.Builder();
        try (InputStream bundled = RoutingConfiguration.class.getResourceAsStream("routing.xml")) {
            parse(bundled, builder, "routing.xml");
        }
        File[] custom = routingDir.listFiles((dir, name) -> name.endsWith(".xml"));
        if (custom != null) {
            for (File file : custom) {
02|                try (InputStream in = new FileInputStream(file)) {
02|                    parse(in, builder, file.getName());
02|                }
1|                InputStream in = new FileInputStream(file); //@RES-01
1|                parse(in, builder, file.getName());
1|                in.close();
            }
        }
        return builder;
    }

    private static void parse(InputStream in, RoutingConfiguration.Builder builder, String source)
            throws IOException, XmlPullParserException {
        XmlPullParser parser = PlatformUtil.newXMLPullParser();
        parser.setInput(in, "UTF-8");
        int tok;
        while ((tok = parser.next()) != XmlPullParser.END_DOCUMENT) {
            if (tok == XmlPullParser.START_TAG) {
2|                log.info(parser.getName()); //@LOG-01
                builder.addTag(source, parser.getName(), attributes(parser));
            }
        }
    }

    private static Map<String, String> attributes(XmlPullParser parser) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < parser.getAttributeCount(); i++) {
            attrs.put(parser.getAttributeName(i), parser.getAttributeValue(i));
        }
        return attrs;
    }
}
''')
_OSMAND = ['java.io.File', 'java.io.FileInputStream', 'java.io.IOException', 'java.io.InputStream',
           'java.util.LinkedHashMap', 'java.util.Map', 'net.osmand.PlatformUtil', 'org.apache.commons.logging.Log',
           'org.xmlpull.v1.XmlPullParser', 'org.xmlpull.v1.XmlPullParserException']
cases_of(case, GH + 'osmandapp/OsmAnd/pull/531', 'OsmAnd-java/' + src('net.osmand.router', 'RoutingConfigLoader'),
         J('net.osmand.router', _OSMAND)(OSMAND), [
             (1, 'java-00-osmand-renamed-routing-loader-stream-not-closed-on-error',
              'a PR renames the routing profile loader and reads each custom profile through a stream it closes only '
              'after a parse that succeeds, so every malformed profile leaks a file descriptor at each start', 'rename'),
             (2, 'java-00-osmand-renamed-routing-loader-logs-every-tag',
              'a PR renames the routing profile loader and logs every tag it parses at info level, so each start '
              'writes thousands of log lines for the bundled profile alone', 'rename'),
             (0, 'java-ok-00-osmand-renamed-routing-loader',
              'clean: the rename alone; each profile is read in try-with-resources and nothing is logged per tag',
              'rename'),
         ], rename_from='OsmAnd-java/' + src('net.osmand.router', 'RoutingConfigParser'),
         rename_old=lambda text: text.replace('RoutingConfigLoader', 'RoutingConfigParser'))


# ---------------------------------------------------------------- TMO-01 / CONC-07: SIRI to GTFS-RT bridge of a regional transit authority's feed (IDFM_GTFS-RT)
IDFM = template('idfm-prim-fetcher', r'''
/**
 * Polls the PRIM estimated-timetable endpoint every minute and publishes the converted GTFS-RT trip updates.
 * Clients (MOTIS, Transitous) poll us every minute too: a poll that hangs or a schedule that stops leaves them
 * with a feed that never changes.
 */
public class PrimFetcher {
    private static final Logger logger = LoggerFactory.getLogger(PrimFetcher.class);
    private static final int REFRESH_SECONDS = 60;

    private final URL endpoint;
    private final String apiKey;
    private final SiriConverter converter;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private volatile FeedMessage current = FeedMessage.getDefaultInstance();

    public PrimFetcher(URL endpoint, String apiKey, SiriConverter converter) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.converter = converter;
    }

    public void start() {
01|        scheduler.scheduleAtFixedRate(() -> {
01|            try {
01|                refresh();
01|            } catch (Exception e) {
01|                logger.error("PRIM refresh failed, keeping the previous feed", e);
01|            }
01|        }, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
2|        scheduler.scheduleAtFixedRate(this::refresh, 0, REFRESH_SECONDS, TimeUnit.SECONDS); //@CONC-07
    }

    public FeedMessage current() {
        return current;
    }

    void refresh() {
        try {
            HttpURLConnection conn = (HttpURLConnection) endpoint.openConnection(); //@{1}TMO-01
02|            conn.setConnectTimeout(10_000);
02|            conn.setReadTimeout(30_000);
            conn.setRequestProperty("apiKey", apiKey);
            conn.setRequestProperty("Accept-Encoding", "gzip");
            try (InputStream in = new GZIPInputStream(conn.getInputStream())) {
                current = converter.toGtfsRt(in);
            } finally {
                conn.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fetching " + endpoint, e);
        }
    }
}
''')
_IDFM = SLF4J + ['com.google.transit.realtime.GtfsRealtime.FeedMessage', 'java.io.IOException', 'java.io.InputStream',
                 'java.io.UncheckedIOException', 'java.net.HttpURLConnection', 'java.net.URL',
                 'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
                 'java.util.concurrent.TimeUnit', 'java.util.zip.GZIPInputStream']
cases_of(case, GH + 'Jouca/IDFM_GTFS-RT/issues/62', src('fr.jouca.idfm.gtfsrt', 'PrimFetcher'),
         J('fr.jouca.idfm.gtfsrt', _IDFM)(IDFM), [
             (1, 'java-00-idfm-prim-fetch-without-timeouts',
              'an edit drops the connect and read timeouts of the PRIM request, so an upstream that accepts the '
              'connection and never answers freezes the only refresh thread and the feed with it', 'edit'),
             (2, 'java-00-idfm-refresh-scheduled-without-catch',
              'an edit schedules the refresh directly, so the first failed fetch ends the schedule for good and the '
              'service keeps serving the same feed', 'edit'),
             (0, 'java-ok-00-idfm-prim-fetch-with-timeouts',
              'clean: the fix bounds the PRIM request with connect and read timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-04: realtime polling of a transit delay tracker (transit-delay-service), new file
DELAYS = template('transit-delay-realtime-polling', r'''
/**
 * Polls the GTFS-RT trip updates of every configured agency each minute and records the delays. Agencies are
 * polled in parallel on a bounded pool; the agency id travels in the MDC so every log line of a poll names it.
 */
@Service
@RequiredArgsConstructor
@Slf4j
public class RealtimePollingService {
    private static final int POLL_THREADS = 4;

    private final AgencyFeedRepository agencyFeedRepository;
    private final RealtimeDelayRecorder delayRecorder;

02|    private final ExecutorService pollPool = new ThreadPoolExecutor(POLL_THREADS, POLL_THREADS, 0L,
02|            TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64), new ThreadPoolExecutor.CallerRunsPolicy());
1|    private final ExecutorService pollPool = Executors.newCachedThreadPool(); //@CONC-02

    @Scheduled(fixedRateString = "${polling.rate-ms:60000}")
    public void pollAll() {
        for (AgencyFeed feed : agencyFeedRepository.findAllWithRealtimeUrl()) {
            pollPool.execute(() -> pollAgency(feed));
        }
    }

    void pollAgency(AgencyFeed feed) {
        MDC.put("agencyId", feed.getId()); //@{2}CONC-04
01|        try {
01|            int recorded = delayRecorder.record(feed.getId(), feed.getRealtimeUrl());
01|            log.debug("recorded {} trip delays", recorded);
01|        } catch (Exception e) {
01|            log.error("polling realtime feed {} failed", feed.getRealtimeUrl(), e);
01|        } finally {
01|            MDC.remove("agencyId");
01|        }
2|        try {
2|            int recorded = delayRecorder.record(feed.getId(), feed.getRealtimeUrl());
2|            log.debug("recorded {} trip delays", recorded);
2|        } catch (Exception e) {
2|            log.error("polling realtime feed {} failed", feed.getRealtimeUrl(), e);
2|        }
2|        MDC.remove("agencyId");
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pollPool.shutdown();
        if (!pollPool.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("realtime polls still running at shutdown");
        }
    }
}
''')
_DELAYS = ['com.doug.projects.transitdelayservice.entity.AgencyFeed',
           'com.doug.projects.transitdelayservice.repository.AgencyFeedRepository',
           'jakarta.annotation.PreDestroy', 'java.util.concurrent.ExecutorService', 'java.util.concurrent.TimeUnit',
           'lombok.RequiredArgsConstructor', 'lombok.extern.slf4j.Slf4j', 'org.slf4j.MDC',
           'org.springframework.scheduling.annotation.Scheduled', 'org.springframework.stereotype.Service']
cases_of(case, GH + 'djmeier-wisc/transit-delay-service/pull/27',
         src('com.doug.projects.transitdelayservice.service.gtfsrealtime', 'RealtimePollingService'),
         JV('com.doug.projects.transitdelayservice.service.gtfsrealtime',
            {0: _DELAYS + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor'],
             1: _DELAYS + ['java.util.concurrent.Executors'],
             2: _DELAYS + ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor']})(
             DELAYS), [
             (1, 'java-00-transit-delay-new-poller-unbounded-pool',
              'a new realtime poller runs the agency polls on a cached pool, so when the agencies\' feeds slow down '
              'every minute adds another thread per agency with no bound', 'new'),
             (2, 'java-00-transit-delay-new-poller-mdc-not-cleared-in-finally',
              'a new realtime poller removes the agency id from the MDC after the poll instead of in a finally, so '
              'an error thrown by the logging itself leaves a stale agency on the pooled thread', 'new'),
             (0, 'java-ok-00-transit-delay-new-poller',
              'clean: a new poller on a bounded pool that clears the MDC in a finally', 'new'),
         ])


# ---------------------------------------------------------------- CONC-03 / CONC-05: worker catalog of a transport analysis broker (r5)
R5 = template('r5-worker-catalog', r'''
/**
 * The workers the broker knows of, from their polls. Polls arrive on the HTTP server's threads; the workers page of
 * the UI and the broker's scaling decisions read the catalog at the same time.
 */
public class WorkerCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerCatalog.class);
    public static final int WORKER_RECORD_DURATION_MSEC = 2 * 60 * 1000;

    private final Map<String, WorkerObservation> observationsByWorkerId = new HashMap<>();
    private final Map<WorkerCategory, Integer> workersByCategory = new HashMap<>();

02|    public synchronized void catalog(WorkerStatus status) {
1|    public void catalog(WorkerStatus status) {
        WorkerObservation observation = new WorkerObservation(status);
        observationsByWorkerId.put(observation.workerId, observation); //@{1}CONC-03
        purgeDeadWorkers();
    }

    public synchronized Collection<WorkerObservation> getAllWorkerObservations() {
        purgeDeadWorkers();
        return new ArrayList<>(observationsByWorkerId.values());
    }

    /** Waits until a worker of the category has polled, or the timeout has passed. */
    public synchronized boolean awaitWorker(WorkerCategory category, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!workersByCategory.containsKey(category)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            try {
                wait(left);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                return false;
2|                LOG.warn("interrupted while waiting for a {} worker", category);
            }
        }
        return true;
    }

    private synchronized void purgeDeadWorkers() {
        long now = System.currentTimeMillis();
        observationsByWorkerId.values().removeIf(obs -> now - obs.lastSeen > WORKER_RECORD_DURATION_MSEC);
        workersByCategory.clear();
        for (WorkerObservation obs : observationsByWorkerId.values()) {
            workersByCategory.merge(obs.category, 1, Integer::sum);
        }
        notifyAll();
    }
}
''')
cases_of(case, GH + 'conveyal/r5/issues/834', src('com.conveyal.analysis.components.broker', 'WorkerCatalog'),
         J('com.conveyal.analysis.components.broker',
           SLF4J + ['com.conveyal.r5.analyst.WorkerCategory', 'com.conveyal.r5.analyst.cluster.WorkerStatus',
                    'java.util.ArrayList', 'java.util.Collection', 'java.util.HashMap', 'java.util.Map'])(R5), [
             (1, 'java-00-r5-worker-catalog-poll-unsynchronized',
              'an edit drops the lock of the method that records a worker\'s poll, so polls write the catalog\'s '
              'HashMap while the workers page iterates it and the broker throws ConcurrentModificationException',
              'edit'),
             (2, 'java-00-r5-worker-wait-interrupt-swallowed',
              'an edit logs the interrupt of a wait for a worker and keeps waiting, so a broker being stopped cannot '
              'interrupt the request threads parked in it', 'edit'),
             (0, 'java-ok-00-r5-worker-catalog-poll-synchronized',
              'clean: the fix records each poll under the catalog\'s lock', 'fix'),
         ])
