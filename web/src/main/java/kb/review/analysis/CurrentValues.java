package kb.review.analysis;

import java.util.regex.Pattern;

/**
 * Names that say a static setter keeps no per-thread state, for the holder guesses of {@link ThreadStates} (the
 * holder's class is out of sight, so its names are all the review has). Two classes of name, from the false rows of
 * sets 17-24 (letter Q) and checked on repositories outside them (noise34, session 34):
 * <ul>
 * <li>a "current" that is an adjective of a value, not the thread's current holder: {@code setCurrentDateTime},
 * {@code setCurrentPage}, {@code setCurrentPlayerStatus}, {@code setCurrentlyPlaying} (an adverb), like the numbers
 * the thread-local model's receiver names already exclude ({@code currentIndex}, {@code currentTime});</li>
 * <li>a holder class named for process-wide configuration or a persistent store: {@code InternalConfigHolder},
 * {@code PlaybackPreferences}, {@code AppSettings}, Spring's {@code ApplicationContextHolder} (one context for the
 * whole application, set once at start-up).</li>
 * </ul>
 */
final class CurrentValues {

    /** Words after "Current" that name a value of the state, not the per-thread holder (a regex alternation). */
    static final String WORDS = "(?:Date|Time|DateTime|Timestamp|Millis|Nanos|Day|Year|Index|Idx|Position|Pos|Page"
            + "|Item|Tab|Status|State|Player|Playback|Version|Count|Offset|Size|Theme|Step|Level|Frame|Progress|Value"
            + "|Volume|Speed|Zoom|Selection|Selected|Screen|View|Fragment|Activity|Song|Track|Media)";

    private static final Pattern PROCESS_WIDE = Pattern.compile(
            "(Config|Configuration|Configs|Settings|Setting|Preferences|Prefs|Properties|Options|Registry"
                    + "|ApplicationContext|AppContext|SpringContext|BeanFactory|Storage|Store)"
                    + "(Holder|Utils?|Helper)?$");

    private CurrentValues() {
    }

    /** True when the holder class's name says it keeps process-wide configuration or a persistent store. */
    static boolean processWide(String holder) {
        return PROCESS_WIDE.matcher(holder).find();
    }
}
