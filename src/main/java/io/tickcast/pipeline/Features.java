package io.tickcast.pipeline;

/**
 * The features of one point and the scale they were computed with.
 *
 * @param vector       the model input: scaled log-return, |return|/volatility − 1, short and long EWMA of the
 *                     scaled return, scaled log time gap; each clipped
 * @param logReturn    ln(price / previous price)
 * @param scaledReturn the log-return scaled by the statistics before it (clipped): also the realised
 *                     target of the previous point's forecast
 * @param returnMean   mean of the log-returns including this one: unscales the next forecast
 * @param returnSd     standard deviation of the log-returns including this one
 * @param volatility   EWMA volatility of the log-returns including this one
 */
public record Features(float[] vector, double logReturn, double scaledReturn, double returnMean, double returnSd,
                       double volatility) {

    /** @return the log-return a forecast {@code scaledForecast} of the next scaled return stands for */
    public double unscale(double scaledForecast) {
        return returnMean + returnSd * scaledForecast;
    }
}
