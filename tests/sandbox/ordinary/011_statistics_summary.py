import statistics as st

data = [2.5, 3.1, 4.7, 4.7, 5.0, 6.2, 9.8]
print(st.mean(data), st.median(data), st.mode(data))
print(round(st.stdev(data), 6), round(st.pvariance(data), 6))
print(st.quantiles(data, n=4), st.median_low([1, 3, 5, 7]))
print(st.fmean([1, 2, 3, 4]), st.harmonic_mean([40, 60]))
