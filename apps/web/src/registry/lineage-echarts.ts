/**
 * The parts of ECharts the lineage graph uses, and nothing else (named imports, so the bundler drops the
 * rest): loaded by the unit page only when it draws a graph.
 */
import { GraphChart } from 'echarts/charts';
import { AriaComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([GraphChart, TooltipComponent, AriaComponent, CanvasRenderer]);

export { init };
