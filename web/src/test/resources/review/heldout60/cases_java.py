"""Round-60 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- RES-01 / LOG-02: Elasticsearch lookup join of a stream processor's connector (flink-connector-elasticsearch)
FLINKES = template('flink-es-lookup-function', r'''
/** A lookup function that joins each key row against the documents of one Elasticsearch index. */
public class ElasticsearchRowDataLookupFunction extends LookupFunction {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchRowDataLookupFunction.class);
    private static final long serialVersionUID = 1L;

    private final DeserializationSchema<RowData> deserializationSchema;
    private final ElasticsearchApiCallBridge callBridge;
    private final String index;
    private final String[] lookupKeys;
    private final int maxRetryTimes;

    private transient RestHighLevelClient client;
    private transient SearchRequest searchRequest;
    private transient SearchSourceBuilder searchSourceBuilder;

    public ElasticsearchRowDataLookupFunction(
            DeserializationSchema<RowData> deserializationSchema,
            ElasticsearchApiCallBridge callBridge,
            String index,
            String[] lookupKeys,
            int maxRetryTimes) {
        this.deserializationSchema = deserializationSchema;
        this.callBridge = callBridge;
        this.index = index;
        this.lookupKeys = lookupKeys;
        this.maxRetryTimes = maxRetryTimes;
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        this.searchRequest = new SearchRequest(index);
        this.searchSourceBuilder = new SearchSourceBuilder();
        this.client = callBridge.createClient(); //@{1}RES-01
    }

02|    @Override
02|    public void close() throws Exception {
02|        if (client != null) {
02|            client.close();
02|        }
02|    }
02|
    @Override
    public Collection<RowData> lookup(RowData keyRow) throws IOException {
        BoolQueryBuilder lookupCondition = new BoolQueryBuilder();
        for (int i = 0; i < lookupKeys.length; i++) {
            lookupCondition.must(new TermQueryBuilder(lookupKeys[i], keyRow.getString(i).toString()));
        }
        searchSourceBuilder.query(lookupCondition);
        searchRequest.source(searchSourceBuilder);

        for (int retry = 0; retry <= maxRetryTimes; retry++) {
            try {
                SearchResponse response = client.search(searchRequest, RequestOptions.DEFAULT);
                List<RowData> rows = new ArrayList<>();
                for (SearchHit hit : response.getHits().getHits()) {
                    RowData row = deserializationSchema.deserialize(hit.getSourceAsString().getBytes(StandardCharsets.UTF_8));
                    if (row != null) {
                        rows.add(row);
                    }
                }
                return rows;
            } catch (IOException e) {
                LOG.error("Elasticsearch lookup failed, retry {} of {}", retry, maxRetryTimes, e);
2|                LOG.debug("Lookup of " + keyRow + " in " + index + " failed: " + e.getMessage()); //@LOG-02
                if (retry >= maxRetryTimes) {
                    throw new IOException("Elasticsearch lookup failed after " + retry + " retries", e);
                }
                try {
                    Thread.sleep(1000L * retry);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException(interrupted);
                }
            }
        }
        return Collections.emptyList();
    }
}
''')
cases_of(case, GH + 'apache/flink-connector-elasticsearch/pull/158',
         'flink-connector-elasticsearch-base/' + src('org.apache.flink.connector.elasticsearch.table',
                                                     'ElasticsearchRowDataLookupFunction'),
         J('org.apache.flink.connector.elasticsearch.table', SLF4J + [
             'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.util.ArrayList',
             'java.util.Collection', 'java.util.Collections', 'java.util.List',
             'org.apache.flink.api.common.serialization.DeserializationSchema',
             'org.apache.flink.streaming.connectors.elasticsearch.ElasticsearchApiCallBridge',
             'org.apache.flink.table.data.RowData', 'org.apache.flink.table.functions.FunctionContext',
             'org.apache.flink.table.functions.LookupFunction', 'org.elasticsearch.action.search.SearchRequest',
             'org.elasticsearch.action.search.SearchResponse', 'org.elasticsearch.client.RequestOptions',
             'org.elasticsearch.client.RestHighLevelClient', 'org.elasticsearch.index.query.BoolQueryBuilder',
             'org.elasticsearch.index.query.TermQueryBuilder', 'org.elasticsearch.search.SearchHit',
             'org.elasticsearch.search.builder.SearchSourceBuilder'])(FLINKES), [
             (1, 'java-00-flink-es-lookup-client-never-closed',
              'an edit drops the close of the REST client the lookup function creates in open, so every restarted '
              'task leaks the client\'s I/O threads and its pooled connections to Elasticsearch', 'edit'),
             (2, 'java-00-flink-es-lookup-failure-debug-concatenated',
              'an edit adds a debug line that concatenates the key row and the error message, so every failed '
              'lookup builds the string even when debug logging is off', 'edit'),
             (0, 'java-ok-00-flink-es-lookup-client-closed',
              'clean: the fix closes the REST client when the function is closed', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / ERR-01: Splunk source of a dataflow ETL tool (nifi GetSplunk), a CRLF file
NIFI = template('nifi-get-splunk', r'''
public class GetSplunk extends AbstractProcessor {

    static final Relationship REL_SUCCESS = new Relationship.Builder()
            .name("success")
            .description("Results retrieved from Splunk are sent out this relationship.")
            .build();

    private volatile Service splunkService;
    private volatile boolean resetState = false;

    @OnScheduled
    public void onScheduled(final ProcessContext context) {
        if (splunkService == null) {
            splunkService = createSplunkService(context);
        }
    }

    protected Service createSplunkService(final ProcessContext context) {
        final ServiceArgs serviceArgs = new ServiceArgs();
        serviceArgs.setScheme(context.getProperty(SCHEME).getValue());
        serviceArgs.setHost(context.getProperty(HOSTNAME).getValue());
        serviceArgs.setPort(context.getProperty(PORT).asInteger());
        if (context.getProperty(APP).isSet()) {
            serviceArgs.setApp(context.getProperty(APP).getValue());
        }
        if (context.getProperty(OWNER).isSet()) {
            serviceArgs.setOwner(context.getProperty(OWNER).getValue());
        }
        serviceArgs.setUsername(context.getProperty(USERNAME).getValue());
        serviceArgs.setPassword(context.getProperty(PASSWORD).getValue());

02|        final Service service = new Service(serviceArgs);
02|        service.setConnectTimeout(context.getProperty(CONNECT_TIMEOUT).asTimePeriod(TimeUnit.MILLISECONDS).intValue());
02|        service.setReadTimeout(context.getProperty(READ_TIMEOUT).asTimePeriod(TimeUnit.MILLISECONDS).intValue());
02|        service.login();
02|        return service;
1|        return Service.connect(serviceArgs); //@TMO-01
    }

    @Override
    public void onTrigger(final ProcessContext context, final ProcessSession session) throws ProcessException {
        final String query = context.getProperty(QUERY).getValue();
        final JobExportArgs exportArgs = new JobExportArgs();
        exportArgs.setSearchMode(JobExportArgs.SearchMode.NORMAL);
        exportArgs.setOutputMode(JobExportArgs.OutputMode.valueOf(context.getProperty(OUTPUT_MODE).getValue()));

        FlowFile flowFile = session.create();
        try (InputStream export = splunkService.export(query, exportArgs)) {
            flowFile = session.write(flowFile, out -> IOUtils.copy(export, out));
        } catch (final IOException e) { //@{2}ERR-01
01|            getLogger().error("Failed to read the Splunk export of {}", query, e);
01|            session.remove(flowFile);
01|            context.yield();
01|            return;
2|            // an empty export is retried on the next trigger
        }
        session.getProvenanceReporter().receive(flowFile, transitUri(context));
        session.transfer(flowFile, REL_SUCCESS);
    }

    private String transitUri(final ProcessContext context) {
        return context.getProperty(SCHEME).getValue() + "://" + context.getProperty(HOSTNAME).getValue() + ":"
                + context.getProperty(PORT).getValue();
    }
}
''')
NIFI_BASE = ['com.splunk.JobExportArgs', 'com.splunk.Service', 'com.splunk.ServiceArgs', 'java.io.IOException',
             'java.io.InputStream', 'org.apache.commons.io.IOUtils', 'org.apache.nifi.annotation.lifecycle.OnScheduled',
             'org.apache.nifi.flowfile.FlowFile', 'org.apache.nifi.processor.AbstractProcessor',
             'org.apache.nifi.processor.ProcessContext', 'org.apache.nifi.processor.ProcessSession',
             'org.apache.nifi.processor.Relationship', 'org.apache.nifi.processor.exception.ProcessException']
cases_of(case, GH + 'apache/nifi/pull/5578',
         'nifi-nar-bundles/nifi-splunk-bundle/nifi-splunk-processors/' + src('org.apache.nifi.processors.splunk',
                                                                             'GetSplunk'),
         JV('org.apache.nifi.processors.splunk', {0: NIFI_BASE + ['java.util.concurrent.TimeUnit'],
                                                  1: NIFI_BASE,
                                                  2: NIFI_BASE + ['java.util.concurrent.TimeUnit']})(NIFI), [
             (1, 'java-00-nifi-splunk-service-without-timeouts',
              'an edit connects to Splunk without connect and read timeouts, so a Splunk server that accepts the '
              'connection but never answers hangs the processor\'s thread and the flow behind it', 'edit'),
             (2, 'java-00-nifi-splunk-export-failure-swallowed',
              'an edit swallows the failure of reading the Splunk export, so a broken export is passed on as an '
              'empty flow file and nothing is logged or retried', 'edit'),
             (0, 'java-ok-00-nifi-splunk-service-with-timeouts',
              'clean: the fix sets the connect and read timeouts before logging in', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- CONC-03 / CONC-05: MQTT manager of an IoT device SDK (aws-sdk-android)
AWSIOT = template('aws-iot-mqtt-manager', r'''
public class AWSIotMqttManager {
    private static final Log LOGGER = LogFactory.getLog(AWSIotMqttManager.class);
    private static final int DEFAULT_MAX_RECONNECT_RETRIES = 10;

02|    private final Map<String, AWSIotMqttTopic> topicListeners = new ConcurrentHashMap<String, AWSIotMqttTopic>();
1|    private final Map<String, AWSIotMqttTopic> topicListeners = new HashMap<String, AWSIotMqttTopic>(); //@CONC-03
    private final MqttAsyncClient mqttClient;
    private final int maxAutoReconnectAttempts = DEFAULT_MAX_RECONNECT_RETRIES;
    private volatile boolean userDisconnect;
    private long currentReconnectRetryTime = 1;

    public AWSIotMqttManager(MqttAsyncClient mqttClient) {
        this.mqttClient = mqttClient;
    }

    public void subscribeToTopic(String topic, AWSIotMqttQos qos, AWSIotMqttNewMessageCallback callback) throws MqttException {
        mqttClient.subscribe(topic, qos.asInt());
        topicListeners.put(topic, new AWSIotMqttTopic(topic, qos, callback));
    }

    public void unsubscribeTopic(String topic) throws MqttException {
        mqttClient.unsubscribe(topic);
        topicListeners.remove(topic);
    }

    /** Called on the MQTT client's callback thread for every arriving message. */
    void messageArrived(String topic, MqttMessage message) {
        for (AWSIotMqttTopic listener : topicListeners.values()) {
            if (matchesTopic(topic, listener.getTopic()) && listener.getCallback() != null) {
                listener.getCallback().onMessageArrived(topic, message.getPayload());
            }
        }
    }

    /** Runs on the reconnect thread after the connection was lost. */
    void reconnectToSession() {
        int attempts = 0;
        while (!userDisconnect && attempts < maxAutoReconnectAttempts) {
            try {
                mqttClient.reconnect();
                currentReconnectRetryTime = 1;
                for (AWSIotMqttTopic topic : topicListeners.values()) {
                    mqttClient.subscribe(topic.getTopic(), topic.getQos().asInt());
                }
                return;
            } catch (MqttException e) {
                LOGGER.warn("Reconnect attempt " + attempts + " failed.", e);
            }
            attempts++;
            try {
                Thread.sleep(currentReconnectRetryTime * 1000L);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                return;
2|                LOGGER.debug("Reconnect wait interrupted.");
            }
            currentReconnectRetryTime = Math.min(currentReconnectRetryTime * 2, 128);
        }
    }

    static boolean matchesTopic(String topic, String filter) {
        String[] topicParts = topic.split("/");
        String[] filterParts = filter.split("/");
        for (int i = 0; i < filterParts.length; i++) {
            if ("#".equals(filterParts[i])) {
                return true;
            }
            if (i >= topicParts.length || !("+".equals(filterParts[i]) || filterParts[i].equals(topicParts[i]))) {
                return false;
            }
        }
        return topicParts.length == filterParts.length;
    }
}
''')
AWSIOT_BASE = ['java.util.Map', 'org.apache.commons.logging.Log', 'org.apache.commons.logging.LogFactory',
               'org.eclipse.paho.client.mqttv3.MqttAsyncClient', 'org.eclipse.paho.client.mqttv3.MqttException',
               'org.eclipse.paho.client.mqttv3.MqttMessage']
cases_of(case, GH + 'aws-amplify/aws-sdk-android/issues/329',
         'aws-android-sdk-iot/' + src('com.amazonaws.mobileconnectors.iot', 'AWSIotMqttManager'),
         JV('com.amazonaws.mobileconnectors.iot', {0: AWSIOT_BASE + ['java.util.concurrent.ConcurrentHashMap'],
                                                   1: AWSIOT_BASE + ['java.util.HashMap'],
                                                   2: AWSIOT_BASE + ['java.util.concurrent.ConcurrentHashMap']})(AWSIOT), [
             (1, 'java-00-aws-iot-topic-listeners-in-plain-hash-map',
              'an edit keeps the topic listeners in a plain HashMap, so a subscription made while the callback '
              'thread walks the listeners fails the message delivery with ConcurrentModificationException', 'edit'),
             (2, 'java-00-aws-iot-reconnect-wait-swallows-interrupt',
              'an edit logs and ignores the interrupt of the reconnect back-off, so disconnecting the manager '
              'cannot stop its reconnect thread before all attempts are spent', 'edit'),
             (0, 'java-ok-00-aws-iot-topic-listeners-in-concurrent-map',
              'clean: the fix keeps the topic listeners in a ConcurrentHashMap', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / RES-04: version metadata server of a game mod loader (fabric-meta)
FABRICMETA = template('fabric-meta-updater', r'''
public class FabricMeta {
    private static final Logger LOGGER = LoggerFactory.getLogger(FabricMeta.class);
    private static final ScheduledExecutorService EXECUTOR = Executors.newSingleThreadScheduledExecutor();
    private static final URI MAVEN_METADATA = URI.create("https://maven.fabricmc.net/net/fabricmc/fabric-loader/maven-metadata.xml");
01|    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static volatile VersionDatabase database;

    public static void main(String[] args) throws Exception {
        update();
        EXECUTOR.scheduleAtFixedRate(() -> { //@{1}CONC-07
02|            try {
02|                update();
02|            } catch (Throwable t) {
02|                LOGGER.error("Failed to update the version database", t);
02|            }
1|            update();
        }, 1, 1, TimeUnit.MINUTES);
        WebServer.start();
    }

    private static void update() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(MAVEN_METADATA)
                .timeout(Duration.ofSeconds(30))
                .header("User-Agent", "fabric-meta")
                .build();
01|        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
2|        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(); //@RES-04
2|        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Maven metadata answered " + response.statusCode());
        }
        database = VersionDatabase.parse(response.body());
        LOGGER.info("Updated the version database: {} loader versions", database.getLoader().size());
    }
}
''')
cases_of(case, GH + 'FabricMC/fabric-meta/pull/24', src('net.fabricmc.meta', 'FabricMeta'),
         J('net.fabricmc.meta', SLF4J + [
             'java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
             'java.net.http.HttpResponse', 'java.time.Duration', 'java.util.concurrent.Executors',
             'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
             'net.fabricmc.meta.data.VersionDatabase', 'net.fabricmc.meta.web.WebServer'])(FABRICMETA), [
             (1, 'java-00-fabric-meta-periodic-update-without-catch',
              'an edit schedules the periodic metadata update without a catch, so the first failed download '
              'stops every later update and the server serves stale versions until restarted', 'edit'),
             (2, 'java-00-fabric-meta-http-client-per-update',
              'an edit builds a new HttpClient for every metadata update, so each minute creates another client '
              'with its own selector thread and connection pool', 'edit'),
             (0, 'java-ok-00-fabric-meta-periodic-update-catches',
              'clean: the fix catches and logs every failure inside the scheduled update', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / ERR-01: transcoding engine of an Android video transcoder (android-transcoder)
TRANSCODER = template('android-transcoder-engine', r'''
public class MediaTranscoderEngine {
    private static final String TAG = "MediaTranscoderEngine";
    private static final long SLEEP_TO_WAIT_TRACK_TRANSCODERS = 10;
    private static final long PROGRESS_INTERVAL_STEPS = 10;

    private FileDescriptor mInputFileDescriptor;
    private TrackTranscoder mVideoTrackTranscoder;
    private TrackTranscoder mAudioTrackTranscoder;
    private MediaExtractor mExtractor;
    private MediaMuxer mMuxer;
    private volatile double mProgress;
    private ProgressCallback mProgressCallback;
    private long mDurationUs;

    public void setDataSource(FileDescriptor fileDescriptor) {
        mInputFileDescriptor = fileDescriptor;
    }

    public void transcodeVideo(String outputPath, MediaFormatStrategy formatStrategy) throws IOException, InterruptedException {
        if (outputPath == null) {
            throw new NullPointerException("Output path cannot be null.");
        }
        try {
            mExtractor = new MediaExtractor();
            mExtractor.setDataSource(mInputFileDescriptor);
            mMuxer = new MediaMuxer(outputPath, MediaMuxer.OutputFormat.MUXER_OUTPUT_MPEG_4);
            setupMetadata();
            setupTrackTranscoders(formatStrategy);
            runPipelines();
            mMuxer.stop();
        } finally {
            try {
                if (mVideoTrackTranscoder != null) {
                    mVideoTrackTranscoder.release();
                    mVideoTrackTranscoder = null;
                }
                if (mAudioTrackTranscoder != null) {
                    mAudioTrackTranscoder.release();
                    mAudioTrackTranscoder = null;
                }
                if (mExtractor != null) {
                    mExtractor.release();
                    mExtractor = null;
                }
            } catch (RuntimeException e) { //@{2}ERR-01
01|                // Too fatal to keep the app alive: the codecs may keep native resources.
01|                throw new Error("Could not shutdown extractor, codecs and muxer pipeline.", e);
2|                // the pipeline is finished anyway
            }
            if (mMuxer != null) {
                mMuxer.release();
                mMuxer = null;
            }
        }
    }

    private void runPipelines() throws InterruptedException {
        long loopCount = 0;
        if (mDurationUs <= 0 && mProgressCallback != null) {
            mProgressCallback.onProgress(-1.0);
        }
        while (!(mVideoTrackTranscoder.isFinished() && mAudioTrackTranscoder.isFinished())) {
            boolean stepped = mVideoTrackTranscoder.stepPipeline() || mAudioTrackTranscoder.stepPipeline();
            loopCount++;
            if (mDurationUs > 0 && loopCount % PROGRESS_INTERVAL_STEPS == 0) {
                double videoProgress = mVideoTrackTranscoder.isFinished() ? 1.0 : Math.min(1.0, (double) mVideoTrackTranscoder.getWrittenPresentationTimeUs() / mDurationUs);
                double audioProgress = mAudioTrackTranscoder.isFinished() ? 1.0 : Math.min(1.0, (double) mAudioTrackTranscoder.getWrittenPresentationTimeUs() / mDurationUs);
                mProgress = (videoProgress + audioProgress) / 2.0;
                if (mProgressCallback != null) {
                    mProgressCallback.onProgress(mProgress);
                }
            }
            if (!stepped) {
02|                Thread.sleep(SLEEP_TO_WAIT_TRACK_TRANSCODERS);
1|                try {
1|                    Thread.sleep(SLEEP_TO_WAIT_TRACK_TRANSCODERS);
1|                } catch (InterruptedException e) { //@CONC-05
1|                    // nothing to do
1|                }
            }
        }
    }

    private void setupMetadata() throws IOException {
        MediaMetadataRetriever retriever = new MediaMetadataRetriever();
        try {
            retriever.setDataSource(mInputFileDescriptor);
            String duration = retriever.extractMetadata(MediaMetadataRetriever.METADATA_KEY_DURATION);
            mDurationUs = duration == null ? -1 : Long.parseLong(duration) * 1000;
            Log.d(TAG, "Duration (us): " + mDurationUs);
        } finally {
            retriever.release();
        }
    }

    private void setupTrackTranscoders(MediaFormatStrategy formatStrategy) {
        MediaExtractorUtils.TrackResult trackResult = MediaExtractorUtils.getFirstVideoAndAudioTrack(mExtractor);
        mVideoTrackTranscoder = new VideoTrackTranscoder(mExtractor, trackResult.mVideoTrackIndex,
                formatStrategy.createVideoOutputFormat(trackResult.mVideoTrackFormat), mMuxer);
        mVideoTrackTranscoder.setup();
        mAudioTrackTranscoder = new PassThroughTrackTranscoder(mExtractor, trackResult.mAudioTrackIndex, mMuxer);
        mAudioTrackTranscoder.setup();
    }

    public interface ProgressCallback {
        void onProgress(double progress);
    }
}
''')
cases_of(case, GH + 'ypresto/android-transcoder/issues/45',
         'lib/' + src('net.ypresto.androidtranscoder.engine', 'MediaTranscoderEngine'),
         J('net.ypresto.androidtranscoder.engine', [
             'android.media.MediaExtractor', 'android.media.MediaMetadataRetriever', 'android.media.MediaMuxer',
             'android.util.Log', 'java.io.FileDescriptor', 'java.io.IOException',
             'net.ypresto.androidtranscoder.format.MediaFormatStrategy',
             'net.ypresto.androidtranscoder.utils.MediaExtractorUtils'])(TRANSCODER), [
             (1, 'java-00-android-transcoder-pipeline-wait-swallows-interrupt',
              'an edit catches and ignores the interrupt of the pipeline\'s wait, so cancelling a transcode through '
              'its future does not stop the loop and the codecs keep running', 'edit'),
             (2, 'java-00-android-transcoder-release-failure-swallowed',
              'an edit ignores a failure to release the codecs and the extractor, so a pipeline that cannot shut '
              'down is reported as finished while it keeps native codec resources', 'edit'),
             (0, 'java-ok-00-android-transcoder-pipeline-wait-interruptible',
              'clean: the fix lets the wait throw InterruptedException to the caller', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / LOG-02: message timestamps of an IoT device SDK (azure-iot-sdk-java), renamed with its class
AZUREIOT = template('azure-iot-message-timestamps', r'''
/** Formats and parses the UTC timestamps the device client puts on its messages. */
@Slf4j
public final class MessageTimestamps {
    private static final String UTC_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private MessageTimestamps() {
    }

    /** The creation time of a message as IoT Hub expects it, in UTC. */
    public static String toUtcString(Date creationTime) {
        SimpleDateFormat format = new SimpleDateFormat(UTC_FORMAT, Locale.US); //@{1}TIME-01
02|        format.setTimeZone(UTC);
        return format.format(creationTime);
    }

    /** Parses a UTC timestamp received from IoT Hub. */
    public static Date fromUtcString(String value) throws ParseException {
        SimpleDateFormat format = new SimpleDateFormat(UTC_FORMAT, Locale.US);
        format.setTimeZone(UTC);
        return format.parse(value);
    }

    /** Stamps the message with its creation time unless it already has one. */
    public static void stamp(Message message) {
        if (message.getCreationTimeUTC() == null) {
            message.setCreationTimeUTC(new Date());
        }
2|        log.trace("Message " + message.getMessageId() + " stamped with " + toUtcString(message.getCreationTimeUTC())); //@LOG-02
        message.setProperty(MessageProperty.IOTHUB_CREATION_TIME_UTC, toUtcString(message.getCreationTimeUTC()));
    }
}
''')
cases_of(case, GH + 'Azure/azure-iot-sdk-java/pull/784',
         'iothub/device/iot-device-client/' + src('com.microsoft.azure.sdk.iot.device', 'MessageTimestamps'),
         J('com.microsoft.azure.sdk.iot.device', [
             'java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.Locale',
             'java.util.TimeZone', 'lombok.extern.slf4j.Slf4j'])(AZUREIOT), [
             (1, 'java-00-azure-iot-renamed-creation-time-formatted-in-local-zone',
              'a PR renames the timestamp helper and drops the UTC zone of its formatter, so a device outside UTC '
              'stamps its messages with local time marked as UTC and IoT Hub orders them hours off', 'rename'),
             (2, 'java-00-azure-iot-renamed-stamp-trace-concatenated',
              'a PR renames the timestamp helper and adds a trace line built by concatenation, so every message '
              'sent formats its timestamp twice even with tracing off', 'rename'),
             (0, 'java-ok-00-azure-iot-renamed-message-timestamps',
              'clean: the rename alone; the formatter is set to UTC, nothing logged per message', 'rename'),
         ], rename_from='iothub/device/iot-device-client/' + src('com.microsoft.azure.sdk.iot.device', 'MessageDateUtils'),
         rename_old=lambda t: t.replace('MessageTimestamps', 'MessageDateUtils'))


# ---------------------------------------------------------------- CONC-04 / TX-01: batch job environment of an application server's batch subsystem (wildfly)
WILDFLY = template('wildfly-batch-environment', r'''
class WildFlyBatchEnvironment implements BatchEnvironment {
    private static final String JOB_EXECUTION_ID = "jobExecutionId";

    private final WildFlyJobXmlResolver jobXmlResolver;
    private final JobExecutor jobExecutor;
    private final TransactionManager transactionManager;
    private final ContextHandleFactory contextHandleFactory;
    private final Properties properties;

    WildFlyBatchEnvironment(WildFlyJobXmlResolver jobXmlResolver, JobExecutor jobExecutor,
            TransactionManager transactionManager, ContextHandleFactory contextHandleFactory, Properties properties) {
        this.jobXmlResolver = jobXmlResolver;
        this.jobExecutor = jobExecutor;
        this.transactionManager = transactionManager;
        this.contextHandleFactory = contextHandleFactory;
        this.properties = properties;
    }

    @Override
    public void submitTask(final JobTask task) {
        final ContextHandle contextHandle = contextHandleFactory.saveContext();
        final long executionId = task.getJobExecutionId();
        jobExecutor.execute(() -> {
            final ContextHandle.Handle handle = contextHandle.setup();
            MDC.put(JOB_EXECUTION_ID, Long.toString(executionId));
            try { //@{1}CONC-04
                task.run();
            } finally {
02|                MDC.remove(JOB_EXECUTION_ID);
                handle.tearDown();
            }
        });
    }

    /** Runs one chunk's work in a new transaction of the server's transaction manager. */
    void runInNewTransaction(final Runnable work) throws SystemException, NotSupportedException, HeuristicMixedException,
            HeuristicRollbackException, RollbackException {
        transactionManager.begin();
        try { //@{2}TX-01
            work.run();
        } catch (RuntimeException e) {
01|            transactionManager.rollback();
            throw e;
        }
        transactionManager.commit();
    }

    @Override
    public JobXmlResolver getJobXmlResolver() {
        return jobXmlResolver;
    }

    @Override
    public TransactionManager getTransactionManager() {
        return transactionManager;
    }

    @Override
    public Properties getBatchConfigurationProperties() {
        return properties;
    }
}
''')
cases_of(case, GH + 'wildfly/wildfly/pull/16477',
         'batch-jberet/' + src('org.wildfly.extension.batch.jberet.impl', 'WildFlyBatchEnvironment'),
         J('org.wildfly.extension.batch.jberet.impl', [
             'jakarta.transaction.HeuristicMixedException', 'jakarta.transaction.HeuristicRollbackException',
             'jakarta.transaction.NotSupportedException', 'jakarta.transaction.RollbackException',
             'jakarta.transaction.SystemException', 'jakarta.transaction.TransactionManager', 'java.util.Properties',
             'org.jberet.spi.BatchEnvironment', 'org.jberet.spi.JobExecutor', 'org.jberet.spi.JobTask',
             'org.jberet.spi.JobXmlResolver', 'org.jboss.logging.MDC',
             'org.wildfly.extension.batch.jberet.deployment.WildFlyJobXmlResolver',
             'org.wildfly.extension.requestcontroller.ContextHandle',
             'org.wildfly.extension.requestcontroller.ContextHandleFactory'])(WILDFLY), [
             (1, 'java-00-wildfly-batch-job-id-left-in-mdc',
              'an edit puts the job execution id into the MDC of the batch thread and never removes it, so the '
              'pooled thread logs the old job\'s id for whatever runs on it next', 'edit'),
             (2, 'java-00-wildfly-batch-chunk-transaction-never-rolled-back',
              'an edit drops the rollback of a chunk transaction whose work failed, so the transaction stays '
              'associated with the batch thread and the next chunk cannot begin', 'edit'),
             (0, 'java-ok-00-wildfly-batch-job-id-removed-from-mdc',
              'clean: the fix removes the job execution id from the MDC in the finally block', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-01 / ERR-01: chat relay of a Minecraft-to-Discord chat bridge (DiscordSRV), a new file
DISCORDSRV = template('discordsrv-chat-relay', r'''
/** Relays queued in-game chat lines to their Discord channels on the relay thread. */
public class ChatRelay implements Runnable {
0|    private static final long FAILURE_LOG_INTERVAL_MS = TimeUnit.MINUTES.toMillis(1);

    private final DiscordSRV plugin;
    private final BlockingQueue<ChatLine> pending = new LinkedBlockingQueue<>(10_000);
0|    private final AtomicLong failedSinceLastLog = new AtomicLong();
0|    private volatile long lastFailureLog;

    public ChatRelay(DiscordSRV plugin) {
        this.plugin = plugin;
    }

    /** Called on the server thread for every chat message a player sends. */
    public void queue(ChatLine line) {
        if (!pending.offer(line)) {
            DiscordSRV.debug("Chat relay queue full, dropping a message for channel " + line.getChannelId());
        }
    }

    @Override
    public void run() {
        List<ChatLine> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(pending.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pending.drainTo(batch, 99);
            for (ChatLine line : batch) {
                TextChannel channel = plugin.getJda().getTextChannelById(line.getChannelId());
                if (channel == null) {
                    continue;
                }
                try {
                    channel.sendMessage(line.getText()).complete();
                } catch (RuntimeException e) { //@{2}ERR-01
0|                    failed(line, e);
1|                    DiscordSRV.error("Failed to relay a chat message to #" + channel.getName() + ": " + e); //@LOG-01
2|                    // Discord is unreachable; the message is dropped
                }
            }
            batch.clear();
        }
    }
0|
0|    private void failed(ChatLine line, RuntimeException e) {
0|        long failed = failedSinceLastLog.incrementAndGet();
0|        long now = System.currentTimeMillis();
0|        if (now - lastFailureLog >= FAILURE_LOG_INTERVAL_MS) {
0|            lastFailureLog = now;
0|            failedSinceLastLog.set(0);
0|            DiscordSRV.warning("Failed to relay " + failed + " chat messages in the last minute, last to channel "
0|                    + line.getChannelId() + ": " + e.getMessage());
0|        }
0|    }
}
''')
DISCORDSRV_BASE = ['github.scarsz.discordsrv.DiscordSRV', 'github.scarsz.discordsrv.objects.ChatLine',
                   'java.util.ArrayList', 'java.util.List', 'java.util.concurrent.BlockingQueue',
                   'java.util.concurrent.LinkedBlockingQueue', 'net.dv8tion.jda.api.entities.TextChannel']
cases_of(case, GH + 'DiscordSRV/DiscordSRV/issues/162',
         src('github.scarsz.discordsrv.objects.threads', 'ChatRelay'),
         JV('github.scarsz.discordsrv.objects.threads', {
             0: DISCORDSRV_BASE + ['java.util.concurrent.TimeUnit', 'java.util.concurrent.atomic.AtomicLong'],
             1: DISCORDSRV_BASE,
             2: DISCORDSRV_BASE})(DISCORDSRV), [
             (1, 'java-00-discordsrv-new-relay-logs-every-failed-message',
              'a new chat relay logs an error for every chat message it fails to send, so a Discord outage on a '
              'busy server writes one error line per player message to the console', 'new'),
             (2, 'java-00-discordsrv-new-relay-failure-swallowed',
              'a new chat relay swallows the failure of sending a chat message, so messages lost during an outage '
              'leave no trace at all', 'new'),
             (0, 'java-ok-00-discordsrv-new-relay-aggregates-failures',
              'clean: a new chat relay that counts failed messages and logs them at most once a minute', 'new'),
         ])


# ---------------------------------------------------------------- TX-01 / CONC-06: island storage of a game-server skyblock plugin (ASkyBlock)
ASKYBLOCK = template('askyblock-island-store', r'''
public class IslandStore {
    private static final String INSERT_ISLAND = "INSERT INTO island (id, owner, world, x, z, name) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_MEMBER = "INSERT INTO island_member (island_id, player) VALUES (?, ?)";

    private final ASkyBlock plugin;
    private final DataSource dataSource;
    private final ExecutorService pool;

    public IslandStore(ASkyBlock plugin, DataSource dataSource, ExecutorService pool) {
        this.plugin = plugin;
        this.dataSource = dataSource;
        this.pool = pool;
    }

    /** Saves a new island on the database pool; called on the server thread when a player creates an island. */
    public void saveIslandAsync(IslandData island) {
01|        pool.execute(() -> {
01|            try {
01|                saveIsland(island);
01|            } catch (SQLException e) {
01|                plugin.getLogger().error("Could not save island " + island.getId() + " of " + island.getOwner(), e);
01|            }
01|        });
2|        pool.submit(() -> { //@CONC-06
2|            saveIsland(island);
2|            return null;
2|        });
    }

    void saveIsland(IslandData island) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try { //@{1}TX-01
                insertIsland(connection, island);
            } catch (SQLException | RuntimeException e) {
02|                connection.rollback();
                throw e;
            }
            connection.commit();
        }
    }

    private void insertIsland(Connection connection, IslandData island) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_ISLAND)) {
            statement.setInt(1, island.getId());
            statement.setString(2, island.getOwner());
            statement.setString(3, island.getLevelName());
            statement.setInt(4, island.getCenter().getFloorX());
            statement.setInt(5, island.getCenter().getFloorZ());
            statement.setString(6, island.getName());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_MEMBER)) {
            for (String member : island.getMembers()) {
                statement.setInt(1, island.getId());
                statement.setString(2, member);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
''')
cases_of(case, GH + 'larryTheCoder/ASkyBlock/issues/4', src('com.larryTheCoder.database', 'IslandStore'),
         J('com.larryTheCoder.database', [
             'com.larryTheCoder.ASkyBlock', 'com.larryTheCoder.cache.IslandData', 'java.sql.Connection',
             'java.sql.PreparedStatement', 'java.sql.SQLException', 'java.util.concurrent.ExecutorService',
             'javax.sql.DataSource'])(ASKYBLOCK), [
             (1, 'java-00-askyblock-failed-island-insert-never-rolled-back',
              'an edit drops the rollback of a failed island insert, so the half-written island and its open '
              'transaction go back to the pool with the connection', 'edit'),
             (2, 'java-00-askyblock-island-save-future-dropped',
              'an edit submits the island save to the database pool and drops its future, so an island that '
              'fails to save is lost without a log line', 'edit'),
             (0, 'java-ok-00-askyblock-failed-island-insert-rolled-back',
              'clean: the fix rolls back the transaction of a failed island insert', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / RES-01: range download of an Android download library (FileDownloader)
FILEDOWNLOADER = template('filedownloader-fetch', r'''
public class FetchDataTask {
    private static final int BUFFER_SIZE = 8192;

    private final OkHttpClient client;
    private final String url;
    private final String tempPath;
    private final ProcessCallback callback;
    private volatile boolean paused;

    public FetchDataTask(OkHttpClient client, String url, String tempPath, ProcessCallback callback) {
        this.client = client;
        this.url = url;
        this.tempPath = tempPath;
        this.callback = callback;
    }

    public void pause() {
        paused = true;
    }

    /** Downloads the rest of the file from offset into the temp file. */
    public void run(long offset) throws IOException {
        Request request = new Request.Builder()
                .url(url)
                .header("Range", "bytes=" + offset + "-")
                .build();
02|        try (Response response = client.newCall(request).execute()) {
02|            if (!response.isSuccessful()) {
02|                throw new FileDownloadHttpException(response.code(), url);
02|            }
02|            copy(response.body(), offset);
02|        }
1|        Response response = client.newCall(request).execute(); //@RES-02
1|        if (!response.isSuccessful()) {
1|            throw new FileDownloadHttpException(response.code(), url);
1|        }
1|        copy(response.body(), offset);
1|        response.close();
    }

    private void copy(ResponseBody body, long offset) throws IOException {
        InputStream in = body.byteStream();
01|        try (RandomAccessFile out = new RandomAccessFile(tempPath, "rw")) {
01|            write(in, out, offset);
01|        }
2|        RandomAccessFile out = new RandomAccessFile(tempPath, "rw"); //@RES-01
2|        write(in, out, offset);
2|        out.close();
    }

    private void write(InputStream in, RandomAccessFile out, long offset) throws IOException {
        out.seek(offset);
        byte[] buffer = new byte[BUFFER_SIZE];
        long written = offset;
        int read;
        while (!paused && (read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            written += read;
            callback.onProgress(written);
        }
        if (paused) {
            callback.onPaused(written);
        } else {
            callback.onCompleted(written);
        }
    }

    public interface ProcessCallback {
        void onProgress(long soFar);

        void onPaused(long soFar);

        void onCompleted(long total);
    }
}
''')
cases_of(case, GH + 'lingochamp/FileDownloader/issues/68',
         'library/' + src('com.liulishuo.filedownloader.download', 'FetchDataTask'),
         J('com.liulishuo.filedownloader.download', [
             'com.liulishuo.filedownloader.exception.FileDownloadHttpException', 'java.io.IOException',
             'java.io.InputStream', 'java.io.RandomAccessFile', 'okhttp3.OkHttpClient', 'okhttp3.Request',
             'okhttp3.Response', 'okhttp3.ResponseBody'])(FILEDOWNLOADER), [
             (1, 'java-00-filedownloader-failed-range-response-never-closed',
              'an edit reads the range response without try-with-resources, so a refused range or a failed copy '
              'leaves the response body and its connection open and OkHttp reports a leaked connection', 'edit'),
             (2, 'java-00-filedownloader-temp-file-left-open-on-failure',
              'an edit opens the temp file without try-with-resources, so a download that fails mid-copy keeps '
              'the file descriptor open until the collector finds it', 'edit'),
             (0, 'java-ok-00-filedownloader-range-response-closed',
              'clean: the fix reads the range response inside try-with-resources', 'fix'),
         ])
