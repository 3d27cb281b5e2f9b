// Demo data for `npm start`: short fictional stories written for this project
// (several outlets, an agreement, a syndicated copy, a contradiction), and claims
// that between them show every verdict.
import type { IngestReportInput } from '../app/types.js';

const HERALD_STORY = `Walkers and anglers returned to Kestrel Lake this week as the dam was reopened to the public in April 2025, following a repair programme that lasted two years.
The water board spent the period fitting new gates on the spillway.
Separately, the Port Aldren library will extend its opening hours to midnight from June, its director announced.`;

export const demoReports: IngestReportInput[] = [
  {
    source: 'Aldren Gazette',
    title: 'Kestrel Lake dam reopens after two years of repairs',
    url: 'https://gazette.example/kestrel-dam-reopens',
    publishedAt: '2025-04-14',
    text: `Home | Local | Business | Sport | Weather
The Kestrel Lake dam reopened to visitors in April 2025 after two years of repair work.
Engineers replaced the spillway gates and strengthened the western wall, the regional water board said.
Brindle Mills said about 300 workers were laid off at its spinning factory last month.
Read more: Harbour festival draws record crowds
Share this article on social media`,
  },
  {
    source: 'Northshore Herald',
    title: 'Visitors back at Kestrel Lake',
    url: 'https://herald.example/2025/04/kestrel-lake',
    publishedAt: '2025-04-15',
    text: `${HERALD_STORY}\nSubscribe to our newsletter for daily updates.`,
  },
  {
    // A syndicated copy of the Herald's story under another name, with its own footer.
    source: 'Valley Wire',
    title: 'Library to stay open until midnight',
    url: 'https://valleywire.example/library-hours',
    publishedAt: '2025-04-16',
    text: `${HERALD_STORY}\nValley Wire carries stories from partner newspapers.`,
  },
  {
    source: 'Coastline News',
    title: 'Job losses at Brindle Mills',
    url: 'https://coastline.example/brindle-mills-jobs',
    publishedAt: '2025-04-20',
    text: `Unions say 1,200 workers were laid off at the Brindle Mills factory, far more than the company first admitted.
The company has not commented on the figure.
© Coastline News. All rights reserved.`,
  },
];

export const demoClaims: string[] = [
  'The Kestrel Lake dam reopened to visitors in April 2025.',
  'About 300 workers were laid off at the Brindle Mills factory.',
  'The Port Aldren library will extend its opening hours to midnight.',
  'The mayor of Port Aldren resigned after the budget vote.',
];
