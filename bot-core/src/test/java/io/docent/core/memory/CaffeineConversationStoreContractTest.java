package io.docent.core.memory;

import com.github.benmanes.caffeine.cache.Ticker;
import io.docent.core.ConversationStore;
import io.docent.core.ConversationStoreContract;
import java.time.Duration;

class CaffeineConversationStoreContractTest extends ConversationStoreContract {

    @Override
    protected ConversationStore store() {
        return new CaffeineConversationStore(100, MAX_TURNS, Duration.ofMinutes(30), Ticker.systemTicker());
    }
}
