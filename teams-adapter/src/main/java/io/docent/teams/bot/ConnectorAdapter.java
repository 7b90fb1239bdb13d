package io.docent.teams.bot;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ResourceResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's adapter, with one change: an invoke response is stored in the turn on the calling thread. The SDK hands
 * every send, invoke responses included, to its shared ForkJoin pool, where outbound messages wait for the Bot
 * Connector; a feedback click's HTTP response then waited behind them. Everything else is the SDK's.
 */
public final class ConnectorAdapter extends BotFrameworkAdapter {

    public ConnectorAdapter(AppCredentials credentials) {
        super(credentials, new AuthenticationConfiguration(), null, null, null);
    }

    @Override
    public CompletableFuture<ResourceResponse[]> sendActivities(TurnContext context, List<Activity> activities) {
        if (context != null
                && activities != null
                && activities.size() == 1
                && activities.get(0).isType(ActivityTypes.INVOKE_RESPONSE)) {
            context.getTurnState().add(INVOKE_RESPONSE_KEY, activities.get(0));
            return CompletableFuture.completedFuture(new ResourceResponse[] {new ResourceResponse("")});
        }
        return super.sendActivities(context, activities);
    }
}
