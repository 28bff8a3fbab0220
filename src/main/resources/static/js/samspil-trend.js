// Draws each trend table (the data page's months, the provider overview's before and after) as an ECharts chart
// beside it, read from the header cells with data-series and the cells with data-value. The table stays the source
// and the accessible version; the chart tells its series apart by line type and marker as well as colour, with ECharts'
// aria description and decal patterns switched on.
(function () {
  if (!window.echarts) {
    return;
  }
  var styles = [
    {color: '#0059b3', type: 'solid', symbol: 'circle'},
    {color: '#7b2d87', type: 'dashed', symbol: 'rect'},
    {color: '#2f6d1e', type: 'dotted', symbol: 'triangle'}
  ];
  document.querySelectorAll('.samspil-trend-chart').forEach(function (box) {
    var table = document.getElementById(box.getAttribute('data-table'));
    if (!table) {
      return;
    }
    // A table may ask for bars (data-type="bar", e.g. before and after a meeting); lines are the default.
    var type = box.getAttribute('data-type') || 'line';
    var months = [];
    var series = [];
    table.querySelectorAll('thead th[data-series]').forEach(function (th, i) {
      var style = styles[i % styles.length];
      series.push({
        name: th.textContent.trim(), type: type, data: [], connectNulls: false,
        symbol: style.symbol, symbolSize: 8, itemStyle: {color: style.color},
        lineStyle: {color: style.color, type: style.type, width: 2}
      });
    });
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      months.push(tr.querySelector('th').textContent.trim());
      tr.querySelectorAll('td[data-value]').forEach(function (td, i) {
        var value = td.getAttribute('data-value');
        series[i].data.push(value === null || value === '' ? null : Number(value));
      });
    });
    var chart = window.echarts.init(box, null, {renderer: 'canvas', locale: 'EN'});
    chart.setOption({
      aria: {enabled: true, label: {description: box.getAttribute('aria-label')}, decal: {show: true}},
      animation: false,
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return v == null ? '–' : String(v).replace('.', ','); }},
      legend: {top: 0, textStyle: {color: '#1a1a1a'}},
      grid: {left: 48, right: 16, top: 48, bottom: 48},
      xAxis: {type: 'category', data: months, axisLabel: {color: '#1a1a1a', rotate: 45}},
      yAxis: {type: 'value', min: 0, axisLabel: {color: '#1a1a1a', formatter: function (v) { return String(v).replace('.', ','); }}},
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
