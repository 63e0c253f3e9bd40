"""The variables of the cluster model's second edition (see punjab_clusters_v2.py).

Equations use XMILE names (spaces as underscores). Sources: PAPER = the seed paper
(../shared/seed/agglomeration-and-technological-learning.txt), NOTES = ../shared/docs/punjab-model-notes.md,
NOTES2 = ../shared/docs/punjab-model-v2-notes.md, V1 = the first edition (models/punjab-clusters-v1.xmile).
"""

TOWNS = ['Daska', 'MianChannun', 'Gujranwala', 'Faisalabad', 'Okara', 'Multan', 'Sargodha', 'Sahiwal']
CLASSES = ['Leaders', 'Followers']
C = ['Cluster']
CK = ['Cluster', 'Class']

SPEC = []

CELL_TEXT = {
    'Ia': 'Economies of scale due to high local demand leave local input suppliers with more resources for techn. effort.',
    'Ib': 'Keen local competition puts pressure on prices charged by input suppliers, leaving user firms with more resources for techn. effort.',
    'Ic': 'Critical local minimum demand for innovations makes it worthwhile for firms to invest in techn. effort needed to introduce them.',
    'Id': 'Local presence of specialised suppliers attracted by large market reduces costs of various inputs needed for techn. effort.',
    'IIa': 'Low local transaction costs create possibilities for firms to team up in their techn. efforts, resulting in cost- and risk-sharing.',
    'IIb': 'Joint projects (vertical, with parts suppliers) stimulate additional investment in technological effort (Nabi 1988:121-2).',
    'IIIa': 'Demonstration: young apprentices see many local examples of ex-trainees who have made it in business (section 4.3).',
    'IIIb': 'Learning by doing among co-located workshops: skills pass to apprentices and workers (section 4.3).',
    'IIIc': 'Knowledge about new designs spreads rapidly in the industry due to co-location (section 4.3).',
    'IVa': 'Facilitated demonstration among firms that co-operate (not observed: section 4.5).',
    'IVb': 'Facilitated (co-operative) training (not observed: section 4.5).',
    'IVc': 'Facilitated technology transfer among co-operating firms (not observed: section 4.5).',
}
CHANNEL = {
    'Ia': 'the scale rent of vendors (cost saving from local demand above the minimum scale) that funds vendors\' own technological effort',
    'Ib': 'competition among co-located vendors lowering their mark-up on components',
    'Ic': 'the innovator\'s market: a new design reaches the whole town\'s hinterland instead of an isolated firm\'s share',
    'Id': 'specialised local suppliers lowering the cost of leaders\' technological effort',
    'IIa': 'cost and risk sharing of effort among firms, in proportion to trust',
    'IIb': 'joint projects of leaders with their vendors adding to leaders\' effort, in proportion to vertical trust and outsourcing',
    'IIIa': 'demonstration raising the motivation of (prospective) entrepreneurs',
    'IIIb': 'learning by doing: skills formed among co-located workshops',
    'IIIc': 'followers copying the designs in the local knowledge pool (and products becoming common)',
    'IVa': 'co-operative demonstration raising motivation, in proportion to trust',
    'IVb': 'co-operative training forming skills, in proportion to trust',
    'IVc': 'co-operative transfer of knowledge from the pool to followers, in proportion to trust',
}


def const(name, value, units, doc, status, lo=None, hi=None, src='', dims=None, elements=None):
    if status == 'assumed' and (lo is None or hi is None):
        raise ValueError(name + ': an assumed parameter needs a range')
    SPEC.append(dict(kind='const', name=name, eqn=value, units=units, doc=doc, status=status, lo=lo, hi=hi,
                     src=src, dims=dims, elements=elements))


def aux(name, eqn, units, doc, dims=None, src=''):
    SPEC.append(dict(kind='aux', name=name, eqn=eqn, units=units, doc=doc, dims=dims, src=src))


def stock(name, init, inflows, outflows, units, doc, dims=None, src='', nonneg=True):
    SPEC.append(dict(kind='stock', name=name, eqn=init, units=units, doc=doc, dims=dims, src=src,
                     nonneg=nonneg, **{'in': inflows, 'out': outflows}))


def flow(name, eqn, units, doc, dims=None, src='', biflow=False):
    SPEC.append(dict(kind='flow', name=name, eqn=eqn, units=units, doc=doc, dims=dims, src=src, biflow=biflow))


def gf(name, xs, ys, units, doc, src=''):
    SPEC.append(dict(kind='gf', name=name, points=(xs, ys), units=units, doc=doc, src=src))


def per_town(default, **special):
    return {t: special.get(t, default) for t in TOWNS}


# ------------------------------------------------------------------ switches (one channel each)
for cell in ['Ia', 'Ib', 'Ic', 'Id', 'IIa', 'IIb', 'IIIa', 'IIIb', 'IIIc', 'IVa', 'IVb', 'IVc']:
    const('Switch ' + cell, 1, 'dmnl', f'1 = Table 2 cell {cell} works through exactly one channel: {CHANNEL[cell]}; '
          '0 = that channel takes the value an isolated firm would see.', 'switch', src='Table 2, ' + cell + ': ' + CELL_TEXT[cell])
const('Switch Margin Squeeze', 1, 'dmnl', '1 = competition among co-located firms squeezes the margin that funds technological '
      'effort (negative effect 1); 0 = effort is funded as if the firm had no local competitors. The squeeze\'s effect on '
      'the price farmers pay is structure, not this switch.', 'switch',
      src='Section 3: keen local competition may squeeze margins and so the resources for technological effort.')
const('Switch Appropriability', 1, 'dmnl', '1 = copying cuts the innovation rent of a new design to the copying lag '
      '(negative effect 2); 0 = the rent lasts the protected horizon whatever the copying lag; copying still spreads designs.',
      'switch', src='Section 4.3: the advantages of quick diffusion are to some extent outweighed by appropriability problems '
      'encountered by the originators of the new knowledge. This reduces incentives for progressive firms to invest in technological effort.')
const('Dispersion', 0, 'dmnl', '0 = firms co-located in eight towns (history); 1 = every firm in its own location (the '
      'no-cluster counterfactual: same demand and founders).', 'switch')

# ------------------------------------------------------------------ policy levers
const('Lever Ramp Time', 2, 'year', 'Time for a programme to reach full strength after it starts.', 'assumed', 1, 4)
const('CFC Programme Start', 2100, 'year', 'Year a common facility centre opens in every cluster (2100 = never).', 'lever')
const('CFC Historical Start', None, 'year', 'Year a facility centre started historically; Mian Channun\'s Dutch-funded '
      'project dated 1988 (the paper gives no year; it existed at the 1994 fieldwork).', 'sourced', dims=C,
      elements=per_town(2100, MianChannun=1988),
      src='Firms in another major cluster, Mian Channun, had benefited from the establishment of a Dutch-funded training and common facility project.')
const('CFC Effort Saving', 0.3, 'dmnl', 'Fraction by which a working facility centre lowers the cost of effort.',
      'assumed', 0.1, 0.4, 'NOTES: cfc_red 0.2-0.3')
const('CFC Complex Access', 0.5, 'dmnl', 'Extra access to complex products (machining, heat treatment) a facility centre gives.',
      'assumed', 0.2, 0.8)
const('Extension Programme Start', 2100, 'year', 'Year extension services start in every cluster (2100 = never).', 'lever')
const('Extension Historical Start', None, 'year', 'Year extension started historically: the Farm Machinery Institute in Daska, '
      'dated 1990 (assumption on the year).', 'sourced', dims=C, elements=per_town(2100, Daska=1990),
      src='Several firms in Daska, one of the biggest clusters, had benefited from the extension activities of the Farm Machinery Institute (section 4.2).')
const('Extension Exposure Rate', 0.03, '1/year', 'Motivation gained per year from extension visits.', 'assumed', 0.01, 0.06)
const('Extension Prototype Rate', 0.4, 'products/year', 'Designs per year an extension service hands to a town\'s leaders.',
      'assumed', 0.1, 0.8)
const('Extension Transfer Rate', 0.02, '1/year', 'Rate at which extension adds to the local knowledge pool.', 'assumed', 0.01, 0.04)
const('Training Programme Start', 2100, 'year', 'Year training centres open in every cluster (2100 = never).', 'lever')
const('Training Programme Graduates', 60, 'workers/year', 'Graduates per year and cluster of a training centre.',
      'assumed', 20, 120)
const('Historical Training Start', 1965, 'year', 'Year the historical technical training institutions start to supply graduates.',
      'assumed', 1960, 1975)
const('Historical Training Graduates', 10, 'workers/year', 'Graduates per year and cluster of historical training.', 'assumed', 0, 20)
const('Design Protection Start', 2100, 'year', 'Year design registration starts (2100 = never).', 'lever')
const('Design Protection Extra Lag', 2, 'year', 'Years design registration adds before a copy can be sold.', 'assumed', 1, 3,
      'NOTES: IP / design registration: tau_copy 1 -> 2-3 years')
const('Cooperation Programme Start', 2100, 'year', 'Year a cooperation programme starts in every cluster (2100 = never).', 'lever')
const('Cooperation Trust Gain', 0.35, 'dmnl', 'Rise of the trust target under a cooperation programme.', 'assumed', 0.1, 0.45)
const('Import Duty', 0.4, 'dmnl', 'Ad valorem duty on imported farm equipment (lever; held constant for lack of a sourced series).',
      'assumed', 0, 0.6, 'NOTES: import duties 0-60%')
const('Component Import Duty', 0.2, 'dmnl', 'Ad valorem duty on imported components and parts.', 'assumed', 0, 0.5)
aux('CFC Active', 'MIN(1, MAX(0, (TIME - MIN(CFC_Programme_Start, CFC_Historical_Start[Cluster]))/Lever_Ramp_Time))',
    'dmnl', 'Strength of the facility centre in each town (0 to 1).', C)
aux('Extension Active', 'MIN(1, MAX(0, (TIME - MIN(Extension_Programme_Start, Extension_Historical_Start[Cluster]))/Lever_Ramp_Time))',
    'dmnl', 'Strength of extension in each town (0 to 1).', C)
aux('Training Programme Active', 'MIN(1, MAX(0, (TIME - Training_Programme_Start)/Lever_Ramp_Time))', 'dmnl', 'Strength of the training programme.')
aux('Historical Training Active', 'MIN(1, MAX(0, (TIME - Historical_Training_Start)/Lever_Ramp_Time))', 'dmnl', 'Strength of historical training.')
aux('Design Protection Active', 'MIN(1, MAX(0, (TIME - Design_Protection_Start)/Lever_Ramp_Time))', 'dmnl', 'Strength of design registration.')
aux('Cooperation Programme Active', 'MIN(1, MAX(0, (TIME - Cooperation_Programme_Start)/Lever_Ramp_Time))', 'dmnl', 'Strength of the cooperation programme.')

# ------------------------------------------------------------------ prices: import price, exchange rate, duty
gf('Nominal Exchange Rate', [1955, 1972.3, 1972.4, 1973.1, 1981, 1983, 1985, 1990, 1994, 2000],
   [4.76, 4.76, 11.0, 9.9, 9.9, 13, 16, 22, 31, 54], 'Rs/USD',
   'Rupees per US dollar: 4.76 to May 1972, 11.0 after the devaluation, 9.9 from February 1973 to 1981, then the managed float.',
   src='NOTES2, Data: approximate annual figures quoted from memory of IMF statistics, to be verified; used as an assumed input.')
const('Inflation Differential Before 1972', 0.01, '1/year', 'Pakistani minus US inflation to 1972, to deflate the nominal rate '
      'to 1955 prices (the model\'s costs are real).', 'assumed', 0, 0.02)
const('Inflation Differential After 1972', 0.04, '1/year', 'Pakistani minus US inflation after 1972.', 'assumed', 0.03, 0.05)
const('Price Base Year', 1955, 'year', 'Year of the model\'s constant prices.', 'normalisation')
const('Devaluation Year', 1972.4, 'year', 'The May 1972 devaluation (4.76 to 11 Rs/USD).', 'sourced', src='NOTES2, Data.')
aux('Relative Price Level', 'EXP(Inflation_Differential_Before_1972*(MIN(TIME, Devaluation_Year) - Price_Base_Year) + Inflation_Differential_After_1972*MAX(0, TIME - Devaluation_Year))',
    'dmnl', 'Pakistani over US price level, 1955 = 1.')
aux('Real Exchange Rate', 'Nominal_Exchange_Rate/Relative_Price_Level', 'Rs/USD',
    'The exchange rate in 1955 rupees: the 1972 devaluation more than doubles it, later depreciation is partly inflation.')
const('Import Price USD', 630, 'USD/SEU', 'World price of imported farm equipment per standard equipment unit (3,000 Rs in 1955).',
      'assumed', 450, 850, 'V1: Import Price 3000 Rs at 4.76 Rs/USD')
const('Component Import Price USD', 400, 'USD/SEU', 'World price of imported components per SEU of components.', 'assumed', 250, 550)
aux('Import Price', 'Import_Price_USD*Real_Exchange_Rate', 'Rs/SEU', 'Landed price of imported equipment before duty.')
aux('Alternative Price', 'Import_Price*(1 + Import_Duty)', 'Rs/SEU', 'What a farmer pays for imported equipment.')
aux('Imported Component Price', 'Component_Import_Price_USD*Real_Exchange_Rate*(1 + Component_Import_Duty)', 'Rs/SEU',
    'What a workshop pays for imported components.')

# ------------------------------------------------------------------ demand: Punjab shares, replacements once
const('Punjab Tubewell Share', 0.85, 'dmnl', 'Share of Pakistan\'s tubewells in the Punjab.', 'sourced',
      src='NOTES2, Data: tubewells ~85% in Punjab.')
const('Punjab Tractor Share', 0.83, 'dmnl', 'Share of Pakistan\'s tractors in the Punjab.', 'sourced',
      src='NOTES2, Data: tractors ~83% in Punjab.')
gf('National Tubewell Potential', [1955 + 5 * i for i in range(10)],
   [20000, 80000, 150000, 185000, 195000, 260000, 370000, 490000, 570000, 630000], 'tubewells',
   'Tubewells Pakistan\'s farmers would eventually adopt at the time\'s groundwater, power and credit conditions (input: this '
   'graph carries the first wave).', src='V1 graph, fitted by hand to the censuses (155,848 in 1975, 454,257 in 1994).')
gf('National Tractor Potential', [1955 + 5 * i for i in range(10)],
   [4000, 6000, 10000, 30000, 90000, 200000, 240000, 265000, 295000, 340000], 'tractors',
   'Tractors Pakistan\'s farmers would eventually adopt (input: this graph carries the second wave).',
   src='V1 graph, fitted by hand to the censuses (35,714 in 1975, 157,310 in 1984, 252,861 in 1994).')
const('Mechanisation Price Elasticity', 0.3, 'dmnl', 'Elasticity of the adoption potential to the price of equipment.',
      'assumed', 0, 0.6)
const('Reference Equipment Price', 3700, 'Rs/SEU', 'Equipment price at which the potentials are the graphs\' values.',
      'normalisation')
const('Price Perception Time', 2, 'year', 'Time farmers take to notice a change of equipment prices.', 'assumed', 1, 4)
aux('Equipment Price', 'SAFEDIV(SUM(Price_Weight[*]), SUM(Hinterland_Share[*]), Alternative_Price)', 'Rs/SEU',
    'Average price farmers pay: local equipment at each town\'s price, imports at the duty-paid price.')
aux('Price Weight', 'Hinterland_Share[Cluster]*(Cluster_Market_Share[Cluster]*Local_Price[Cluster] + (1 - Cluster_Market_Share[Cluster])*Alternative_Price)',
    'Rs/SEU', 'Each hinterland\'s average equipment price, weighted by its share.', C)
aux('Perceived Equipment Price', 'SMTH1(Equipment_Price, Price_Perception_Time, Reference_Equipment_Price)', 'Rs/SEU',
    'Equipment price as farmers see it (smoothed: breaks the loop price - adoption - sales - price).')
aux('Mechanisation Price Effect', '(Perceived_Equipment_Price/Reference_Equipment_Price)^(-Mechanisation_Price_Elasticity)',
    'dmnl', 'Cheaper equipment raises the number of farms for which a tubewell or tractor pays.')
aux('Tubewell Potential', 'Punjab_Tubewell_Share*National_Tubewell_Potential*Mechanisation_Price_Effect', 'tubewells',
    'Punjab\'s adoption potential for tubewells.')
aux('Tractor Potential', 'Punjab_Tractor_Share*National_Tractor_Potential*Mechanisation_Price_Effect', 'tractors',
    'Punjab\'s adoption potential for tractors.')
const('One Tubewell', 1, 'tubewells', 'Guard against a zero potential.', 'normalisation')
const('One Tractor', 1, 'tractors', 'Guard against a zero potential.', 'normalisation')
stock('Tubewells', 850, ['Tubewell Adoption'], ['Tubewell Retirement'], 'tubewells', 'Tubewells in use in the Punjab.',
      src='NOTES: agricultural machinery censuses.')
flow('Tubewell Adoption', '(Tubewell_Innovation_Coefficient + Tubewell_Imitation_Coefficient*Tubewells/MAX(Tubewell_Potential, One_Tubewell))*(MAX(Tubewell_Potential, Tubewells) - Tubewells)',
     'tubewells/year', 'Bass adoption on the remaining potential; it refills what retires, so it is gross purchases.',
     src='NOTES: Bass diffusion dN/dt = (p + q N/M)(M - N).')
flow('Tubewell Retirement', 'Tubewells/Tubewell_Life', 'tubewells/year', 'Tubewells scrapped.')
const('Tubewell Life', 15, 'year', 'Working life of a tubewell and its pump set.', 'assumed', 10, 20, 'NOTES: 10-20 years')
const('Tubewell Innovation Coefficient', 0.01, '1/year', 'Bass p for tubewells.', 'assumed', 0.005, 0.03, 'NOTES: p 0.01-0.03')
const('Tubewell Imitation Coefficient', 0.6, '1/year', 'Bass q for tubewells.', 'fitted', 0.413, 0.6, 'Fitted with cdyn calibrate (gaussian payoff) to models/data/punjab-targets.csv, 9 points; 95% profile-likelihood interval 0.413 to 0.6 (the upper end is the bound of the range searched, 0.3-0.6, NOTES); from the covariance at the optimum: 0.249 to 0.951.')
stock('Tractors', 1660, ['Tractor Adoption'], ['Tractor Retirement'], 'tractors', 'Tractors in use in the Punjab.')
flow('Tractor Adoption', '(Tractor_Innovation_Coefficient + Tractor_Imitation_Coefficient*Tractors/MAX(Tractor_Potential, One_Tractor))*(MAX(Tractor_Potential, Tractors) - Tractors)',
     'tractors/year', 'Bass adoption of tractors (gross purchases, replacements included).')
flow('Tractor Retirement', 'Tractors/Tractor_Life', 'tractors/year', 'Tractors scrapped.')
const('Tractor Life', 18, 'year', 'Working life of a tractor.', 'assumed', 15, 20, 'NOTES: L_tr 15-20 years')
const('Tractor Innovation Coefficient', 0.01, '1/year', 'Bass p for tractors.', 'assumed', 0.005, 0.03)
const('Tractor Imitation Coefficient', 0.466, '1/year', 'Bass q for tractors.', 'fitted', 0.373, 0.5, 'Fitted with cdyn calibrate (gaussian payoff) to models/data/punjab-targets.csv, 9 points; 95% profile-likelihood interval 0.373 to 0.5 (the upper end is the bound of the range searched, 0.3-0.5); from the covariance at the optimum: 0.342 to 0.589.')
const('SEU per Pump Set', 4, 'SEU/tubewells', 'Equipment per tubewell (pump, engine parts, fittings).', 'assumed', 3, 6)
const('SEU per Tractor', 6, 'SEU/tractors', 'Implements per tractor.', 'assumed', 4, 8)
const('Implement Life', 8, 'year', 'Working life of tractor implements (shorter than the tractor\'s).', 'assumed', 5, 12)
const('Traditional Equipment Demand', 3000, 'SEU/year', 'Demand for traditional implements (chaff cutters, ploughs).',
      'assumed', 1500, 6000)
aux('Pump Set Demand', 'SEU_per_Pump_Set*Tubewell_Adoption', 'SEU/year',
    'Pump sets bought with new and replacement tubewells (counted once: adoption already refills retirements).')
aux('Implement Demand', 'SEU_per_Tractor*(Tractor_Adoption + Tractors*MAX(0, 1/Implement_Life - 1/Tractor_Life))', 'SEU/year',
    'Implements bought with tractors, plus the extra replacements because implements wear out faster than tractors.')
aux('Potential Equipment Demand', 'Traditional_Equipment_Demand + Pump_Set_Demand + Implement_Demand', 'SEU/year',
    'All farm-equipment purchases in the Punjab, local or imported.')

# ------------------------------------------------------------------ products
const('Traditional Product Range', 4, 'products', 'Traditional items.', 'assumed', 3, 6)
const('Pump Product Range', 12, 'products', 'Items of the tubewell era.', 'assumed', 8, 16)
const('Tractor Product Range', 80, 'products', 'Items tractor mechanisation makes possible (an unsourced ceiling: the >50 '
      'items of 1994 are partly this input).', 'assumed', 60, 110)
const('Tubewell Range Half', 42000, 'tubewells', 'Tubewells at which half the pump items have a market.', 'assumed', 20000, 80000)
const('Tractor Range Half', 66000, 'tractors', 'Tractors at which half the tractor items have a market.', 'assumed', 30000, 120000)
aux('Product Potential', 'Traditional_Product_Range + Pump_Product_Range*Tubewells/(Tubewells + Tubewell_Range_Half) + Tractor_Product_Range*Tractors/(Tractors + Tractor_Range_Half)',
    'products', 'Items farmers would buy from local workshops at the time\'s mechanisation.')
const('Complex Product Fraction', 0.3, 'dmnl', 'Share of items that need complex machining (transmissions).', 'assumed', 0.2, 0.4,
      'PAPER section 4: several firms had mastered more complex machinery with internal transmission mechanisms.')
const('Complex Capability Threshold', 0.5, 'dmnl', 'Leaders\' capability at which every complex item is within reach.', 'assumed', 0.4, 0.7)
aux('Complex Access', 'MIN(1, Average_Leader_Capability*(1 + CFC_Complex_Access*CFC_Coverage + Joint_Project_Coverage)/Complex_Capability_Threshold)',
    'dmnl', 'Share of complex items within reach of the leaders.')
aux('Accessible Product Potential', 'Product_Potential*(1 - Complex_Product_Fraction*(1 - Complex_Access))', 'products',
    'Items within reach.')
stock('Products in Development', 0, ['Development Starts'], ['Product Launches'], 'products', 'Designs being developed by leaders.')
stock('Exclusive Products', 0, ['Product Launches'], ['Product Copying'], 'products', 'Items made only by the leader who launched them.')
stock('Common Products', 3, ['Product Copying'], [], 'products', 'Items made by many workshops (copied).')
aux('Products Mastered', 'Exclusive_Products + Common_Products', 'products', 'Distinct items made in the clusters.')
aux('Unexplored Products', 'MAX(0, Accessible_Product_Potential - Products_Mastered - Products_in_Development)', 'products',
    'Items within reach that nobody makes or develops yet.')
const('Development Productivity', 0.08, 'products/(year*firms)', 'Designs started per year per leader at full effort and '
      'reference capability, when every item is unexplored.', 'assumed', 0.04, 0.16)
aux('Innovation Effort', 'Leader_Firms[Cluster]*Leader_Effort_Intensity[Cluster]*(1 + Joint_Project_Effect[Cluster])*Leader_Capability[Cluster]/Reference_Capability',
    'firms', 'Leaders\' effort in each town, in full-time leader equivalents at reference capability.', C)
const('Import Imitation Rate', 0.1, '1/year', 'Share of unexplored items per year that workshops start to replicate from imported '
      'equipment, where imports still hold the market.', 'assumed', 0.05, 0.2,
      'PAPER 4.1: an obvious impetus for producers to introduce new product technologies by reverse engineering prototypes imported by large engineering firms.')
const('Imitation Demand Half', 3000, 'SEU/year', 'Equipment demand at which replication of imports is half its rate '
      '(no buyers, nothing to replicate).', 'assumed', 1000, 10000)
flow('Development Starts', '(Development_Productivity*SUM(Innovation_Effort[*]) + Extension_Prototype_Rate*SUM(Extension_Active[*]))*SAFEDIV(Unexplored_Products, Product_Potential, 0) + Import_Imitation_Rate*Unexplored_Products*(1 - Local_Market_Share)*Potential_Equipment_Demand/(Potential_Equipment_Demand + Imitation_Demand_Half)',
     'products/year', 'New designs started: leaders\' effort (rent-driven), extension prototypes, and replication of imported equipment.')
const('Development Time', 1.5, 'year', 'Time from start to launch of a design.', 'assumed', 1, 2.5)
flow('Product Launches', 'Products_in_Development/Development_Time', 'products/year', 'Designs launched.')
flow('Product Copying', 'Switch_IIIc*Exclusive_Products/MAX(Copying_Lag, DT)', 'products/year',
     'Launched designs copied by followers after the copying lag (IIIc channel).')
aux('Launch Rate', 'Product_Launches', 'products/year', 'Launches per year (for the measured launch-to-copy time).')
aux('Exclusive Share', 'SAFEDIV(Exclusive_Products, Products_Mastered, 0)', 'dmnl', 'Share of items still exclusive.')
aux('Copying Intensity', 'SAFEDIV(Product_Copying, Products_Mastered, 0)', '1/year', 'Copies per item per year.')
const('Coverage Exponent', 0.5, 'dmnl', 'How quickly local coverage of demand rises with the items made.', 'assumed', 0.3, 0.8)
aux('Product Coverage', '(MIN(Products_Mastered, Product_Potential)/Product_Potential)^Coverage_Exponent', 'dmnl',
    'Share of demand for which some local workshop makes an item.')
aux('Addressable Demand', 'Potential_Equipment_Demand*Product_Coverage', 'SEU/year', 'Demand local workshops can address.')
const('New Product Volume Factor', 0.5, 'dmnl', 'Sales of a new item relative to the average item\'s.', 'assumed', 0.25, 1)
aux('Demand per New Product', 'New_Product_Volume_Factor*Potential_Equipment_Demand/Product_Potential', 'SEU/(year*products)',
    'Yearly sales a new item can reach in the whole Punjab.')

# ------------------------------------------------------------------ location and proximity
const('Hinterland Share', None, 'dmnl', 'Share of the Punjab\'s farm-equipment demand each town serves: Daska larger, the '
      'others equal (no source distinguishes them).', 'sourced', dims=C, elements=per_town(0.12, Daska=0.16),
      src='Several firms in Daska, one of the biggest clusters (section 4.2).')
const('One Firm', 1, 'firms', 'One firm (for counts).', 'normalisation')
aux('Locations', '1 + Dispersion*(MAX(Cluster_Firms[Cluster], One_Firm)/One_Firm - 1)', 'dmnl',
    'Separate locations of a town\'s firms: 1 when clustered, one per firm when dispersed.', C)
aux('Colocated Firms', 'MAX(Cluster_Firms[Cluster], One_Firm)/Locations[Cluster]', 'firms', 'Firms per location.', C)
const('Proximity Half', 5, 'firms', 'Co-located firms at which proximity effects are half their maximum.', 'assumed', 2, 10)
aux('Proximity', 'Colocated_Firms[Cluster]/(Colocated_Firms[Cluster] + Proximity_Half)', 'dmnl', 'Proximity of firms.', C)
aux('Isolated Proximity', 'One_Firm/(One_Firm + Proximity_Half)', 'dmnl', 'Proximity of a firm on its own.')
aux('Cluster Proximity Index', 'MAX(0, Proximity[Cluster] - Isolated_Proximity)/(1 - Isolated_Proximity)', 'dmnl',
    'Proximity above an isolated firm\'s, 0 to 1.', C)
aux('Proximity IIIa', 'Switch_IIIa*Cluster_Proximity_Index[Cluster]', 'dmnl', 'Proximity as it acts on demonstration.', C)
aux('Proximity IIIb', 'Switch_IIIb*Cluster_Proximity_Index[Cluster]', 'dmnl', 'Proximity as it acts on learning by doing.', C)

# ------------------------------------------------------------------ market
const('Service Advantage', 1.3, 'dmnl', 'Value to a farmer of quick repair and proximity, relative to imports.', 'assumed', 1.1, 1.6,
      'PAPER section 4: They competed on low prices and quick repair due to proximity to customers.')
const('Quality Elasticity', 0.4, 'dmnl', 'How strongly capability raises the value of local equipment.', 'assumed', 0.2, 0.8)
const('Frontier Capability', 1, 'dmnl', 'World best practice (capability scale).', 'normalisation')
aux('Buyer Value', 'Alternative_Price*Service_Advantage*(Cluster_Capability[Cluster]/Frontier_Capability)^Quality_Elasticity',
    'Rs/SEU', 'What local equipment is worth to a farmer, against the duty-paid import.', C)
const('Share Sensitivity', 3, 'dmnl', 'Steepness of the choice between local and imported equipment.', 'assumed', 2, 5,
      'NOTES: share_loc = 1/(1+EXP(-k_imp*(P_imp*(1+duty)/P_loc - 1)))')
aux('Value Ratio', 'Buyer_Value[Cluster]/Local_Price[Cluster]', 'dmnl', 'Value for money of local equipment.', C)
aux('Indicated Market Share', 'Value_Ratio[Cluster]^Share_Sensitivity/(1 + Value_Ratio[Cluster]^Share_Sensitivity)', 'dmnl',
    'Share of the hinterland\'s addressable demand local workshops would win.', C)
stock('Cluster Market Share', 0.3, ['Market Share Change'], [], 'dmnl', 'Share of addressable demand won by the town.', C)
const('Share Adjustment Time', 2, 'year', 'Time buyers take to switch suppliers.', 'assumed', 1, 4)
flow('Market Share Change', '(Indicated_Market_Share[Cluster] - Cluster_Market_Share[Cluster])/Share_Adjustment_Time', '1/year',
     'Adjustment of the market share.', C, biflow=True)
aux('Cluster Demand', 'Addressable_Demand*Hinterland_Share[Cluster]*Cluster_Market_Share[Cluster]', 'SEU/year',
    'Orders for the town\'s workshops.', C)

# ------------------------------------------------------------------ capacity, sales and firms
const('Workers per Firm', 20, 'workers/firms', 'Average workers of an assembler (a firm employs five to fifty).', 'assumed', 10, 30,
      'PAPER section 4: firms, which employ approximately five to fifty workers each.')
const('Output per Worker', 55, 'SEU/(year*workers)', 'Output per worker at reference capability.', 'assumed', 35, 75)
const('Productivity Capability Elasticity', 0.5, 'dmnl', 'How capability raises output per worker.', 'assumed', 0.2, 0.8)
const('Reference Capability', 0.3, 'dmnl', 'Capability at which cost and productivity take their reference values.', 'normalisation')
aux('Capacity', 'Cluster_Firms[Cluster]*Workers_per_Firm*Output_per_Worker*(Cluster_Capability[Cluster]/Reference_Capability)^Productivity_Capability_Elasticity',
    'SEU/year', 'What the town\'s assemblers can make.', C)
aux('Sales', 'MIN(Cluster_Demand[Cluster], Capacity[Cluster])', 'SEU/year', 'Sales: orders up to capacity.', C)
const('Max Pressure', 3, 'dmnl', 'Cap on the demand and capacity pressures on entry and exit.', 'assumed', 2, 5)
aux('Demand Capacity Ratio', 'MIN(Max_Pressure, SAFEDIV(Cluster_Demand[Cluster], Capacity[Cluster], Max_Pressure))', 'dmnl',
    'Orders relative to capacity: the opportunity a spin-off sees.', C)
aux('Overcapacity', 'MIN(Max_Pressure, SAFEDIV(Capacity[Cluster], Cluster_Demand[Cluster], Max_Pressure))', 'dmnl',
    'Capacity relative to orders: the pressure to close.', C)
aux('Output per Firm', 'SAFEDIV(Sales[Cluster], Cluster_Firms[Cluster], 0)', 'SEU/(year*firms)', 'Sales per firm.', C)
const('Initial Firms', 1.5, 'firms', 'Founding workshops per town in 1955.', 'assumed', 0.5, 4)
stock('Cluster Firms', 'Initial_Firms', ['Firm Entry'], ['Firm Exit'], 'firms', 'Farm-equipment assemblers in the town '
      '(a firm: a workshop of five to fifty workers that assembles and sells farm equipment).', C)
const('Spinoff Propensity', 0.02, 'firms/(year*workers)', 'Spin-offs per skilled worker per year at reference motivation and '
      'full opportunity.', 'assumed', 0.01, 0.04, 'PAPER 4.3: many ex-apprentices attempt to start their own workshop.')
const('Supplier Entry Ease', 1, 'dmnl', 'How much buying components eases entry.', 'assumed', 0, 2,
      'Aftab and Rahim in the paper: it enabled people with limited means to establish themselves as tiny units.')
aux('Entry Ease', '1 + Supplier_Entry_Ease*Outsourced_Share[Cluster]', 'dmnl', 'Vendors let workshops start without foundries.', C)
flow('Firm Entry', 'Cluster_Skilled_Workers[Cluster]*Spinoff_Propensity*(Motivation[Cluster]/Reference_Motivation)*Demand_Capacity_Ratio[Cluster]*Entry_Ease[Cluster]',
     'firms/year', 'Spin-offs of skilled workers.', C)
const('Firm Lifetime', 20, 'year', 'Average life of a workshop at balanced demand.', 'assumed', 12, 30)
const('Exit Elasticity', 2, 'dmnl', 'How steeply closures rise with overcapacity.', 'assumed', 1, 3)
flow('Firm Exit', 'Cluster_Firms[Cluster]/Firm_Lifetime*Overcapacity[Cluster]^Exit_Elasticity', 'firms/year', 'Closures, faster under overcapacity.', C)
const('Leader Fraction', 0.15, 'dmnl', 'Share of firms that are progressive (experiment, launch designs).', 'assumed', 0.05, 0.3,
      'PAPER 4.3: progressive firms ... behind closed doors.')
const('Leader Indicator', None, 'dmnl', '1 for leaders, 0 for followers.', 'normalisation', dims=['Class'],
      elements={'Leaders': 1, 'Followers': 0})
aux('Class Firms', 'Cluster_Firms[Cluster]*(Leader_Indicator[Class]*Leader_Fraction + (1 - Leader_Indicator[Class])*(1 - Leader_Fraction))',
    'firms', 'Firms of each class in each town.', CK)
aux('Leader Firms', 'Class_Firms[Cluster, Leaders]', 'firms', 'Progressive firms in each town.', C)
aux('Follower Firms', 'Class_Firms[Cluster, Followers]', 'firms', 'Followers in each town.', C)

# ------------------------------------------------------------------ vendors: scale, learning, import substitution
const('Component Content', 0.35, 'dmnl', 'Components per unit of equipment (share of value at reference cost).', 'assumed', 0.25, 0.45)
const('Base Local Parts Fraction', 0.5, 'dmnl', 'Share of components a workshop can make locally without vendor know-how.', 'assumed', 0.3, 0.7)
const('Supplier Presence Half', 5, 'vendors', 'Vendors per location at which supplier presence is half.', 'assumed', 2, 10)
aux('Vendors per Location', 'Cluster_Vendors[Cluster]/Locations[Cluster]', 'vendors', 'Vendors a workshop can reach.', C)
aux('Supplier Presence', 'Vendors_per_Location[Cluster]/(Vendors_per_Location[Cluster] + Supplier_Presence_Half)', 'dmnl',
    'Presence of specialised suppliers, 0 to 1.', C)
aux('Local Parts Fraction', 'Base_Local_Parts_Fraction + (1 - Base_Local_Parts_Fraction)*Vendor_Capability[Cluster]*Supplier_Presence[Cluster]',
    'dmnl', 'Share of components made locally; vendors that learn make parts hitherto imported.', C)
aux('Component Requirement', 'Sales[Cluster]*Component_Content', 'SEU/year', 'Components the town\'s sales need.', C)
aux('Local Component Requirement', 'Component_Requirement[Cluster]*Local_Parts_Fraction[Cluster]', 'SEU/year',
    'Components made locally (in house or by vendors).', C)
aux('Local Component Demand', 'Local_Component_Requirement[Cluster]/Locations[Cluster]', 'SEU/year',
    'Local component demand one vendor location can serve.', C)
const('Vendor MES', 38.6, 'SEU/year', 'Critical minimum scale of a vendor location (foundry, forge).', 'fitted', 30, 77.5, 'Fitted with cdyn calibrate (gaussian payoff) to models/data/punjab-targets.csv, 9 points; 95% profile-likelihood interval 30 to 77.5 (the lower end is the bound of the range searched, 30-240); from the covariance at the optimum: -7.3 to 84.6. Poorly determined (one point: the 1960s integrated share).')
aux('Vendor Viability', 'IF Local_Component_Demand[Cluster] > Vendor_MES THEN 1 - Vendor_MES/Local_Component_Demand[Cluster] ELSE 0',
    'dmnl', 'Share of local component demand a vendor can serve at a profit: zero below the minimum scale.', C)
const('Max Outsourced Fraction', 0.9, 'dmnl', 'Most of the locally made components a town can buy from vendors.', 'assumed', 0.7, 0.95)
const('Vendor Capacity', 200, 'SEU/(year*vendors)', 'Components a vendor can make per year.', 'assumed', 100, 300)
aux('Desired Vendors', 'Vendor_Viability[Cluster]*Max_Outsourced_Fraction*Local_Component_Requirement[Cluster]/Vendor_Capacity',
    'vendors', 'Vendors the town\'s component demand supports.', C)
stock('Cluster Vendors', 0, ['Vendor Entry'], ['Vendor Exit'], 'vendors', 'Specialised parts makers (foundries, forges, machine shops) in the town.', C)
const('Vendor Entry Time', 1.5, 'year', 'Time to set up a vendor.', 'assumed', 0.5, 3)
const('Vendor Exit Time', 4, 'year', 'Time for surplus vendors to close.', 'assumed', 2, 8)
flow('Vendor Entry', 'MAX(0, Desired_Vendors[Cluster] - Cluster_Vendors[Cluster])/Vendor_Entry_Time', 'vendors/year', 'New vendors.', C)
flow('Vendor Exit', 'MAX(0, Cluster_Vendors[Cluster] - Desired_Vendors[Cluster])/Vendor_Exit_Time', 'vendors/year', 'Vendors closing.', C)
aux('Vendor Deliveries', 'MIN(Cluster_Vendors[Cluster]*Vendor_Capacity, Max_Outsourced_Fraction*Local_Component_Requirement[Cluster])',
    'SEU/year', 'Components bought from vendors.', C)
aux('Outsourced Share', 'SAFEDIV(Vendor_Deliveries[Cluster], Local_Component_Requirement[Cluster], 0)', 'dmnl',
    'Share of locally made components bought from vendors.', C)
const('Max Scale Saving', 0.3, 'dmnl', 'Largest cost saving of a vendor from scale.', 'assumed', 0.15, 0.4)
aux('Scale Saving', 'Max_Scale_Saving*(1 - SQRT(Vendor_MES/MAX(Vendor_MES, Local_Component_Demand[Cluster])))', 'dmnl',
    'Vendors\' cost saving from local demand above the minimum scale.', C)
const('Vendor Base Cost', 1300, 'Rs/SEU', 'Vendor cost of components at minimum scale.', 'assumed', 1000, 1600)
const('Inhouse Component Cost', 2400, 'Rs/SEU', 'Cost of components made in house by an integrated workshop.', 'assumed', 1800, 3000)
const('Vendor Capability Saving', 0.3, 'dmnl', 'Cost saving of a vendor at frontier capability.', 'assumed', 0.1, 0.5)
aux('Vendor Unit Cost', 'Vendor_Base_Cost*(1 - Scale_Saving[Cluster])*(1 - Vendor_Capability_Saving*Vendor_Capability[Cluster])',
    'Rs/SEU', 'Vendors\' cost of components.', C)
const('Vendor Monopoly Markup', 0.6, 'dmnl', 'Mark-up of a vendor without local rivals.', 'assumed', 0.3, 0.9)
const('Vendor Competition Reference', 10, 'vendors', 'Rivals at which the mark-up halves.', 'assumed', 5, 20)
aux('Vendor Markup', 'Vendor_Monopoly_Markup*Vendor_Competition_Reference/(Vendor_Competition_Reference + Switch_Ib*Vendors_per_Location[Cluster])',
    'dmnl', 'Vendors\' mark-up (Ib: competition among vendors).', C)
aux('Vendor Price', 'Vendor_Unit_Cost[Cluster]*(1 + Vendor_Markup[Cluster])', 'Rs/SEU', 'Price of a vendor\'s components.', C)
const('Vendor Effort Share', 0.3, 'dmnl', 'Share of a vendor\'s surplus spent on technological effort.', 'assumed', 0.1, 0.5)
const('Vendor Reference Effort Spend', 5000, 'Rs/(year*vendors)', 'Vendor effort spending at which effort is half its maximum.',
      'assumed', 2000, 15000)
aux('Vendor Surplus per SEU', 'Vendor_Markup[Cluster]*Vendor_Unit_Cost[Cluster] + Switch_Ia*Scale_Saving[Cluster]*Vendor_Base_Cost',
    'Rs/SEU', 'What a vendor keeps per unit: its mark-up, and (Ia) the scale rent from serving a large local market.', C)
aux('Vendor Effort Spend', 'Vendor_Effort_Share*Vendor_Surplus_per_SEU[Cluster]*SAFEDIV(Vendor_Deliveries[Cluster], Cluster_Vendors[Cluster], 0)',
    'Rs/(year*vendors)', 'Technological effort a vendor pays for.', C)
aux('Vendor Effort Intensity', 'Vendor_Effort_Spend[Cluster]/(Vendor_Effort_Spend[Cluster] + Vendor_Reference_Effort_Spend)', 'dmnl',
    'Vendors\' effort, 0 to 1.', C)
const('Vendor Learning Rate', 0.15, '1/year', 'Rate at which vendors at full effort close their gap to the frontier.', 'assumed', 0.05, 0.3)
const('Initial Vendor Capability', 0.1, 'dmnl', 'Capability of the first vendors.', 'assumed', 0.05, 0.2)
stock('Vendor Capability', 'Initial_Vendor_Capability', ['Vendor Learning'], ['Vendor Obsolescence'], 'dmnl',
      'Vendors\' capability to make parts (hitherto imported) well and cheaply.', C)
flow('Vendor Learning', 'Vendor_Learning_Rate*Vendor_Effort_Intensity[Cluster]*MAX(0, Frontier_Capability - Vendor_Capability[Cluster])',
     '1/year', 'Vendors learn from their own effort.', C)
flow('Vendor Obsolescence', 'Vendor_Capability[Cluster]/Frontier_Drift_Time', '1/year', 'The frontier moves on.', C)

# ------------------------------------------------------------------ costs, margins, prices
const('Base Conversion Cost', 900, 'Rs/SEU', 'Labour and overhead per unit at reference capability.', 'assumed', 600, 1200)
const('Cost Capability Elasticity', 0.5, 'dmnl', 'How capability lowers conversion cost.', 'assumed', 0.2, 0.8)
const('Material Cost', 700, 'Rs/SEU', 'Steel and other material per unit.', 'assumed', 500, 900)
const('Minimum Capability', 0.01, 'dmnl', 'Guard: capability below which costs are not extrapolated.', 'normalisation')
aux('Conversion Cost', 'Base_Conversion_Cost*(Reference_Capability/MAX(Cluster_Capability[Cluster], Minimum_Capability))^Cost_Capability_Elasticity',
    'Rs/SEU', 'Labour and overhead per unit.', C)
aux('Component Cost', 'Component_Content*(Local_Parts_Fraction[Cluster]*(Outsourced_Share[Cluster]*Vendor_Price[Cluster] + (1 - Outsourced_Share[Cluster])*Inhouse_Component_Cost) + (1 - Local_Parts_Fraction[Cluster])*Imported_Component_Price)',
    'Rs/SEU', 'Components per unit: bought from vendors, made in house, or imported.', C)
aux('Cluster Unit Cost', 'Conversion_Cost[Cluster] + Material_Cost + Component_Cost[Cluster]', 'Rs/SEU', 'Cost per unit.', C)
const('Capture Max', 0.6, 'dmnl', 'Share of the value-cost gap a firm without local rivals captures.', 'assumed', 0.4, 0.8)
const('Competition Reference', 40, 'firms', 'Co-located rivals at which the captured share halves.', 'assumed', 20, 80)
aux('Competitors', 'Colocated_Firms[Cluster]*(1 - Exclusive_Share)', 'firms', 'Rivals making the same items.', C)
aux('Price Capture', 'Capture_Max*Competition_Reference/(Competition_Reference + MAX(Competitors[Cluster], One_Firm) - One_Firm)',
    'dmnl', 'Share of the value-cost gap in the price: local competition lowers prices (structure).', C)
aux('Effort Capture', 'Capture_Max*Competition_Reference/(Competition_Reference + Switch_Margin_Squeeze*(MAX(Competitors[Cluster], One_Firm) - One_Firm))',
    'dmnl', 'Share of the value-cost gap that funds effort (margin squeeze switch).', C)
aux('Value Cost Gap', 'MAX(0, Buyer_Value[Cluster] - Cluster_Unit_Cost[Cluster])', 'Rs/SEU', 'Room for a margin.', C)
const('Normal Markup', 0.05, 'dmnl', 'Mark-up on cost when there is no value-cost gap.', 'assumed', 0.02, 0.1)
aux('Margin per SEU', 'Normal_Markup*Cluster_Unit_Cost[Cluster] + Price_Capture[Cluster]*Value_Cost_Gap[Cluster]', 'Rs/SEU', 'Margin in the price.', C)
aux('Effort Margin per SEU', 'Normal_Markup*Cluster_Unit_Cost[Cluster] + Effort_Capture[Cluster]*Value_Cost_Gap[Cluster]', 'Rs/SEU',
    'Margin available to fund effort.', C)
aux('Local Price', 'Cluster_Unit_Cost[Cluster] + Margin_per_SEU[Cluster]', 'Rs/SEU', 'Price of local equipment.', C)

# ------------------------------------------------------------------ trust and co-operation
const('Base Trust', 0.1, 'dmnl', 'Trust among competitors without programmes.', 'assumed', 0, 0.3,
      'PAPER 4.2: a fundamental lack of trust of competitors.')
const('Trust Adjustment Time', 5, 'year', 'Time for trust to move to its target.', 'assumed', 3, 10)
const('Leakage Erosion', 2, 'year', 'Trust lost per unit of copying intensity (leakage blocks collaboration).', 'assumed', 0, 4)
aux('Trust Target', 'MIN(1, Base_Trust + Cooperation_Trust_Gain*Cooperation_Programme_Active)', 'dmnl', 'Trust the town tends to.')
stock('Cluster Trust', 'Base_Trust', ['Trust Change'], [], 'dmnl', 'Trust among the town\'s firms, 0 to 1.', C)
flow('Trust Change', '(Trust_Target - Cluster_Trust[Cluster])/Trust_Adjustment_Time - Leakage_Erosion*Copying_Intensity*Cluster_Trust[Cluster]/Trust_Adjustment_Time',
     '1/year', 'Trust moves to its target and is eroded by copying.', C, biflow=True)
const('Vertical Trust Premium', 0.3, 'dmnl', 'Extra trust between a firm and its own vendor.', 'assumed', 0.1, 0.5,
      'PAPER 4.2: technological collaborations have worked better across different stages of the production chain.')
const('Joint Project Strength', 0.5, 'dmnl', 'Extra effort of a leader in full joint projects with vendors.', 'assumed', 0.2, 1)
aux('Joint Project Effect', 'Switch_IIb*Joint_Project_Strength*MIN(1, Cluster_Trust[Cluster] + Vertical_Trust_Premium)*Outsourced_Share[Cluster]',
    'dmnl', 'Joint projects of leaders and vendors (IIb).', C)
aux('Joint Project Coverage', 'SAFEDIV(SUM(Joint_Project_Weight[*]), Firms, 0)', 'dmnl', 'Firm-weighted joint projects.')
aux('Joint Project Weight', 'Joint_Project_Effect[Cluster]*Cluster_Firms[Cluster]', 'firms', 'Weight of each town.', C)
aux('CFC Coverage', 'SAFEDIV(SUM(CFC_Weight[*]), Firms, 0)', 'dmnl', 'Firm-weighted facility centres.')
aux('CFC Weight', 'CFC_Active[Cluster]*Cluster_Firms[Cluster]', 'firms', 'Weight of each town.', C)
const('Cost Sharing Saving', 0.5, 'dmnl', 'Cost saving of effort shared among firms that fully trust each other.', 'assumed', 0.2, 0.7)
const('Cooperative Demonstration Rate', 0.3, '1/year', 'Motivation gained per year from co-operative demonstration at full trust.', 'assumed', 0.1, 0.5)
const('Cooperative Training Rate', 0.1, '1/year', 'Skill formation per year from co-operative training at full trust.', 'assumed', 0.05, 0.2)
const('Cooperative Transfer Rate', 0.3, '1/year', 'Followers\' draw on the pool per year from co-operative transfer at full trust.', 'assumed', 0.1, 0.6)

# ------------------------------------------------------------------ skills and motivation
const('Initial Skilled Workers', 30, 'workers', 'Skilled workers per town in 1955 (from the large engineering firms).', 'assumed', 15, 50,
      'PAPER 4.3: The process initially started with spin-offs from the large engineering firms in the area.')
stock('Cluster Skilled Workers', 'Initial_Skilled_Workers', ['Skill Formation'], ['Skilled Attrition', 'Founders Leaving'], 'workers',
      'Skilled machinists and fitters in the town.', C)
const('Workers per Vendor', 5, 'workers/vendors', 'Workers of a vendor.', 'assumed', 3, 10)
aux('Employment', 'Cluster_Firms[Cluster]*Workers_per_Firm + Cluster_Vendors[Cluster]*Workers_per_Vendor', 'workers', 'Workers in the town.', C)
aux('Unskilled Workers', 'MAX(0, Employment[Cluster] - Cluster_Skilled_Workers[Cluster])', 'workers', 'Workers still learning.', C)
const('Own Training Rate', 0.1, '1/year', 'Skill formation per year inside a firm.', 'assumed', 0.05, 0.15)
const('Cluster Training Rate', 0.12, '1/year', 'Extra skill formation per year among co-located workshops (IIIb).', 'assumed', 0.05, 0.2)
aux('Training Centre Graduates', 'Historical_Training_Graduates*Historical_Training_Active + Training_Programme_Graduates*Training_Programme_Active',
    'workers/year', 'Graduates per town.')
flow('Skill Formation', 'Unskilled_Workers[Cluster]*(Own_Training_Rate + Cluster_Training_Rate*Proximity_IIIb[Cluster] + Switch_IVb*Cooperative_Training_Rate*Cluster_Trust[Cluster]*Cluster_Proximity_Index[Cluster]) + Training_Centre_Graduates',
     'workers/year', 'Workers becoming skilled.', C)
const('Working Life', 25, 'year', 'Working life of a skilled worker.', 'assumed', 20, 35)
flow('Skilled Attrition', 'Cluster_Skilled_Workers[Cluster]/Working_Life', 'workers/year', 'Retirement.', C)
const('Founders per Firm', 1, 'workers/firms', 'Skilled workers who leave to found a firm (they become owners).', 'assumed', 1, 2)
flow('Founders Leaving', 'MIN(Firm_Entry[Cluster]*Founders_per_Firm, Cluster_Skilled_Workers[Cluster]/Working_Life)', 'workers/year',
     'Skilled workers who become owners (bounded so the stock cannot go negative).', C)
aux('Skill Share', 'MIN(1, SAFEDIV(Cluster_Skilled_Workers[Cluster], Employment[Cluster], 0))', 'dmnl', 'Skilled share of workers.', C)
stock('Motivation', 0.1, ['Motivation Gain'], ['Motivation Decay'], 'dmnl', 'Entrepreneurial aspiration in the town, 0 to 1.', C)
const('External Exposure Rate', 0.02, '1/year', 'Motivation gained from outside exposure.', 'assumed', 0.01, 0.04)
const('Demonstration Rate', 0.6, '1/year', 'Motivation gained per year from local examples (IIIa).', 'assumed', 0.3, 0.9)
const('Attitude Persistence', 8, 'year', 'Time over which motivation fades.', 'assumed', 5, 15)
flow('Motivation Gain', '(External_Exposure_Rate + Extension_Exposure_Rate*Extension_Active[Cluster] + Demonstration_Rate*Motivation[Cluster]*Proximity_IIIa[Cluster] + Switch_IVa*Cooperative_Demonstration_Rate*Cluster_Trust[Cluster]*Cluster_Proximity_Index[Cluster])*(1 - Motivation[Cluster])',
     '1/year', 'Exposure and demonstration raise motivation.', C)
flow('Motivation Decay', 'Motivation[Cluster]/Attitude_Persistence', '1/year', 'Motivation fades.', C)
const('Reference Motivation', 0.5, 'dmnl', 'Motivation at which spin-offs take their reference rate.', 'normalisation')

# ------------------------------------------------------------------ leaders' effort: innovation rents
const('Isolated Market Reach', 0.25, 'dmnl', 'Share of a hinterland an isolated innovator can sell a new design to.', 'assumed', 0.1, 0.5)
aux('Innovation Reach', 'Isolated_Market_Reach + Switch_Ic*MAX(0, 1/Locations[Cluster] - Isolated_Market_Reach)', 'dmnl',
    'Share of the town\'s hinterland a new design reaches (Ic).', C)
const('Discount Rate', 0.15, '1/year', 'Workshops\' discount rate on rents.', 'assumed', 0.08, 0.25)
const('Protected Rent Horizon', 5, 'year', 'Years of rent when nobody copies.', 'assumed', 3, 8)
aux('Exclusivity Value', '(1 - EXP(-Discount_Rate*Town_Copying_Lag[Cluster]))/Discount_Rate', 'year',
    'Discounted years of rent before copies appear.', C)
aux('Rent Horizon', 'Switch_Appropriability*Exclusivity_Value[Cluster] + (1 - Switch_Appropriability)*(1 - EXP(-Discount_Rate*Protected_Rent_Horizon))/Discount_Rate',
    'year', 'Discounted years of innovation rent.', C)
aux('Expected Rent', 'Demand_per_New_Product*Hinterland_Share[Cluster]*Innovation_Reach[Cluster]*Cluster_Market_Share[Cluster]*Effort_Margin_per_SEU[Cluster]*Rent_Horizon[Cluster]',
    'Rs/products', 'Rent a leader expects from a new design.', C)
const('Base Development Cost', 300000, 'Rs/products', 'Cost of developing a design (experiments, prototypes).', 'assumed', 150000, 600000)
const('Supplier Effort Saving', 0.4, 'dmnl', 'Saving on effort cost where suppliers are plentiful (Id).', 'assumed', 0.2, 0.6)
aux('Effort Cost Index', '(1 - Switch_Id*Supplier_Effort_Saving*Supplier_Presence[Cluster])*(1 - CFC_Effort_Saving*CFC_Active[Cluster])*(1 - Switch_IIa*Cost_Sharing_Saving*Cluster_Trust[Cluster]*Cluster_Proximity_Index[Cluster])',
    'dmnl', 'Cost of effort relative to an isolated firm\'s.', C)
aux('Development Cost', 'Base_Development_Cost*Effort_Cost_Index[Cluster]', 'Rs/products', 'Cost of a design.', C)
const('Incentive Steepness', 2, 'dmnl', 'How steeply effort responds to the rent-cost ratio.', 'assumed', 1, 3)
aux('Rent Ratio', 'Expected_Rent[Cluster]/Development_Cost[Cluster]', 'dmnl', 'Rent over cost of a design.', C)
aux('Innovation Incentive', 'Rent_Ratio[Cluster]^Incentive_Steepness/(1 + Rent_Ratio[Cluster]^Incentive_Steepness)', 'dmnl',
    'Whether experimentation is worthwhile, 0 to 1.', C, src='PAPER 4.3: just enough innovation rents from their efforts to make experimentation worthwhile.')
const('Effort Share', 0.3, 'dmnl', 'Share of the effort margin a leader can spend on effort.', 'assumed', 0.1, 0.5)
const('Reference Effort Spend', 10000, 'Rs/(year*firms)', 'Effort spending at which resources are half a constraint.', 'assumed', 5000, 30000)
aux('Effort Resources', 'Effort_Share*Effort_Margin_per_SEU[Cluster]*Output_per_Firm[Cluster]/(Reference_Effort_Spend*Effort_Cost_Index[Cluster])',
    'dmnl', 'What a leader can pay for effort, relative to the reference.', C)
aux('Leader Effort Intensity', 'Innovation_Incentive[Cluster]*Effort_Resources[Cluster]/(1 + Effort_Resources[Cluster])', 'dmnl',
    'Leaders\' technological effort, 0 to 1: paid from innovation rents and margins.', C)

# ------------------------------------------------------------------ capability: leaders, followers, knowledge pool
const('Initial Capability', None, 'dmnl', 'Capability in 1955.', 'assumed', 0.1, 0.4, dims=['Class'],
      elements={'Leaders': 0.3, 'Followers': 0.2})
stock('Capability', 'Initial_Capability[Class]', ['Capability Learning'], ['Capability Obsolescence', 'Capability Dilution'], 'dmnl',
      'Average technological capability of each class of firms in each town (0 to 1, world frontier 1).', CK)
aux('Leader Capability', 'Capability[Cluster, Leaders]', 'dmnl', 'Leaders\' capability.', C)
aux('Follower Capability', 'Capability[Cluster, Followers]', 'dmnl', 'Followers\' capability.', C)
const('Effort Learning Rate', 0.1, '1/year', 'Rate at which leaders at full effort close their gap to the frontier.', 'assumed', 0.05, 0.2)
const('Own LBD Rate', 0.01, '1/year', 'Learning by doing of any firm (closing its gap).', 'assumed', 0.005, 0.02)
aux('Leader Learning', '(Effort_Learning_Rate*Leader_Effort_Intensity[Cluster]*(1 + Joint_Project_Effect[Cluster]) + Own_LBD_Rate)*MAX(0, Frontier_Capability - Leader_Capability[Cluster])',
    '1/year', 'Leaders learn from their own effort.', C)
const('Discovery Rate', 0.5, '1/year', 'Rate at which leaders\' effort puts their know-how into the visible pool (launched designs, '
      'products in the bazaar).', 'assumed', 0.2, 1)
const('Vendor Discovery Rate', 0.05, '1/year', 'Rate at which vendors\' effort adds to the pool.', 'assumed', 0.01, 0.1)
const('Reverse Engineering Rate', 0.02, '1/year', 'Rate at which imported equipment brought in for repair adds to the pool.',
      'assumed', 0.005, 0.05, 'NOTES2: imported equipment brought in for repair is reverse engineered.')
const('Knowledge Life', 10, 'year', 'Time over which the pool\'s know-how becomes obsolete.', 'assumed', 5, 20)
const('Initial Pool', 0.1, 'dmnl', 'Know-how visible in a town in 1955.', 'assumed', 0.05, 0.2)
stock('Knowledge Pool', 'Initial_Pool', ['Pool Discoveries'], ['Pool Obsolescence'], 'dmnl',
      'Local knowledge pool: the capability embodied in designs, practices and products visible in the town (0 to 1).', C,
      src='NOTES2: Knowledge Pool[t] = INTEG(effort-driven discoveries + imported designs reverse engineered - obsolescence).')
flow('Pool Discoveries', 'Discovery_Rate*Leader_Effort_Intensity[Cluster]*(1 + Joint_Project_Effect[Cluster])*MAX(0, Leader_Capability[Cluster] - Knowledge_Pool[Cluster]) + (Vendor_Discovery_Rate*Vendor_Effort_Intensity[Cluster]*Supplier_Presence[Cluster] + Reverse_Engineering_Rate*(1 - Cluster_Market_Share[Cluster]) + Extension_Transfer_Rate*Extension_Active[Cluster])*MAX(0, Frontier_Capability - Knowledge_Pool[Cluster])',
     '1/year', 'The pool grows with leaders\' and vendors\' effort, reverse engineering of imports and extension.', C)
flow('Pool Obsolescence', 'Knowledge_Pool[Cluster]/Knowledge_Life', '1/year', 'Know-how depreciates.', C)
const('Absorptive Half', 0.2, 'dmnl', 'Followers\' capability at which absorption is half.', 'assumed', 0.1, 0.4)
const('Skill Half', 0.2, 'dmnl', 'Skilled share at which absorption is half.', 'assumed', 0.1, 0.4)
aux('Absorption', 'Follower_Capability[Cluster]/(Follower_Capability[Cluster] + Absorptive_Half)*Skill_Share[Cluster]/(Skill_Share[Cluster] + Skill_Half)',
    'dmnl', 'Followers\' absorptive capacity: capability and skills, 0 to 1.', C)
aux('Follower Draw Rate', 'Absorption[Cluster]*(Switch_IIIc/MAX(Town_Copying_Lag[Cluster], DT) + Switch_IVc*Cooperative_Transfer_Rate*Cluster_Trust[Cluster]*Cluster_Proximity_Index[Cluster])',
    '1/year', 'Rate at which followers close their gap to the pool: copying designs after the copying lag (IIIc), co-operative transfer (IVc).', C)
aux('Follower Learning', 'Follower_Draw_Rate[Cluster]*MAX(0, Knowledge_Pool[Cluster] - Follower_Capability[Cluster]) + Own_LBD_Rate*MAX(0, Frontier_Capability - Follower_Capability[Cluster])',
    '1/year', 'Followers learn from the pool and by doing.', C)
flow('Capability Learning', 'Leader_Indicator[Class]*Leader_Learning[Cluster] + (1 - Leader_Indicator[Class])*Follower_Learning[Cluster]',
     '1/year', 'Learning of each class.', CK)
const('Frontier Drift Time', 40, 'year', 'Time over which the world frontier makes capability obsolete.', 'assumed', 25, 60)
flow('Capability Obsolescence', 'Capability[Cluster, Class]/Frontier_Drift_Time', '1/year', 'The frontier moves on.', CK)
const('Base Inheritance', 0.6, 'dmnl', 'Share of the town\'s capability a spin-off founder brings.', 'assumed', 0.4, 0.8)
const('Mobility Inheritance', 0.2, 'dmnl', 'Extra share when trained labour moves among co-located firms.', 'assumed', 0, 0.4,
      'PAPER 4.3: skills diffusion has also occurred through inter-firm movement of trained labour.')
aux('Entrant Capability', 'MIN(Frontier_Capability, Cluster_Capability[Cluster]*(Base_Inheritance + Mobility_Inheritance*Cluster_Proximity_Index[Cluster]))',
    'dmnl', 'Capability of a new firm (it joins the followers).', C)
flow('Capability Dilution', '(1 - Leader_Indicator[Class])*SAFEDIV(Firm_Entry[Cluster], Class_Firms[Cluster, Class], 0)*(Capability[Cluster, Class] - Entrant_Capability[Cluster])',
     '1/year', 'Entrants change the followers\' average (down when they know less).', CK, biflow=True)
aux('Cluster Capability', 'Leader_Fraction*Leader_Capability[Cluster] + (1 - Leader_Fraction)*Follower_Capability[Cluster]', 'dmnl',
    'Average capability of the town\'s firms.', C)

# ------------------------------------------------------------------ the copying lag as an outcome
const('Clustered Copying Lag', 0.389, 'year', 'Time a co-located follower as capable as the leader needs to copy a design.',
      'fitted', 0.3, 0.81, 'Fitted with cdyn calibrate (gaussian payoff) to models/data/punjab-targets.csv, 9 points; 95% profile-likelihood interval 0.3 to 0.81 (the lower end is the bound of the range searched, 0.3-1); from the covariance at the optimum: -0.045 to 0.824. Poorly determined (one point: copies one year after launch).')
const('Isolated Copying Lag', 3, 'year', 'The same for a follower who sees the design only at fairs and markets.', 'assumed', 2, 5)
const('Gap Elasticity', 0.5, 'dmnl', 'How the capability gap between leaders and followers lengthens copying.', 'assumed', 0, 1)
aux('Town Copying Lag', '(Clustered_Copying_Lag + (Isolated_Copying_Lag - Clustered_Copying_Lag)*(1 - Cluster_Proximity_Index[Cluster]))*(MAX(Leader_Capability[Cluster], Minimum_Capability)/MAX(Follower_Capability[Cluster], Minimum_Capability))^Gap_Elasticity + Design_Protection_Extra_Lag*Design_Protection_Active',
    'year', 'Time from launch to the first local copy: shorter with proximity, longer with the capability gap and design registration.', C)
aux('Copying Lag Weight', 'Town_Copying_Lag[Cluster]*Cluster_Firms[Cluster]', 'year*firms', 'Weight of each town.', C)
aux('Copying Lag', 'SAFEDIV(SUM(Copying_Lag_Weight[*]), Firms, Clustered_Copying_Lag)', 'year', 'Firm-weighted copying lag.')

# ------------------------------------------------------------------ totals and reported outputs
aux('Firms', 'SUM(Cluster_Firms[*])', 'firms', 'Assemblers in the eight towns.')
aux('Vendors', 'SUM(Cluster_Vendors[*])', 'vendors', 'Vendors in the eight towns.')
aux('Skilled Workers', 'SUM(Cluster_Skilled_Workers[*])', 'workers', 'Skilled workers in the eight towns.')
aux('Capability Weight', 'Cluster_Capability[Cluster]*Cluster_Firms[Cluster]', 'firms', 'Weight of each town.', C)
aux('Average Capability', 'SAFEDIV(SUM(Capability_Weight[*]), Firms, 0)', 'dmnl', 'Firm-weighted capability of all firms.')
aux('Leader Weight', 'Leader_Capability[Cluster]*Cluster_Firms[Cluster]', 'firms', 'Weight of each town.', C)
aux('Average Leader Capability', 'SAFEDIV(SUM(Leader_Weight[*]), Firms, 0)', 'dmnl', 'Firm-weighted capability of leaders.')
aux('Follower Weight', 'Follower_Capability[Cluster]*Cluster_Firms[Cluster]', 'firms', 'Weight of each town.', C)
aux('Average Follower Capability', 'SAFEDIV(SUM(Follower_Weight[*]), Firms, 0)', 'dmnl', 'Firm-weighted capability of followers.')
aux('Pool Weight', 'Knowledge_Pool[Cluster]*Cluster_Firms[Cluster]', 'firms', 'Weight of each town.', C)
aux('Average Knowledge Pool', 'SAFEDIV(SUM(Pool_Weight[*]), Firms, 0)', 'dmnl', 'Firm-weighted knowledge pool.')
aux('Effort Weight', 'Leader_Effort_Intensity[Cluster]*Cluster_Firms[Cluster]', 'firms', 'Weight of each town.', C)
aux('Average Leader Effort', 'SAFEDIV(SUM(Effort_Weight[*]), Firms, 0)', 'dmnl', 'Firm-weighted leaders\' effort intensity.')
aux('Integrated Share', '1 - SAFEDIV(SUM(Vendor_Deliveries[*]), SUM(Local_Component_Requirement[*]), 0)', 'dmnl',
    'Share of locally made components made in house; read as the share of fully integrated firms when each firm either buys '
    'its parts or makes them all (the source counts firms).')
aux('Imported Component Share', '1 - SAFEDIV(SUM(Local_Component_Requirement[*]), SUM(Component_Requirement[*]), 0)', 'dmnl',
    'Share of components imported.')
aux('Cost Bill', 'Cluster_Unit_Cost[Cluster]*Sales[Cluster]', 'Rs/year', 'Cost of the town\'s sales.', C)
aux('Total Sales', 'SUM(Sales[*])', 'SEU/year', 'Sales of the eight towns.')
aux('Unit Cost', 'SAFEDIV(SUM(Cost_Bill[*]), Total_Sales, MEAN(Cluster_Unit_Cost[*]))', 'Rs/SEU', 'Sales-weighted unit cost.')
aux('Local Market Share', 'SAFEDIV(Total_Sales, Addressable_Demand, 0)', 'dmnl', 'Local workshops\' share of addressable demand.')
aux('Trust Weight', 'Cluster_Trust[Cluster]*Cluster_Firms[Cluster]', 'firms', 'Weight of each town.', C)
aux('Trust', 'SAFEDIV(SUM(Trust_Weight[*]), Firms, Base_Trust)', 'dmnl', 'Firm-weighted trust.')
aux('Total Employment', 'SUM(Employment[*])', 'workers', 'Workers of assemblers and vendors.')
const('Survey Units per Cluster Firm', 20.4, 'dmnl', 'Province-wide light engineering units per farm-equipment assembler in the '
      'eight towns (the survey counts all light engineering, not farm equipment alone).', 'fitted', 16.0, 25.3, 'Fitted with cdyn calibrate (gaussian payoff) to models/data/punjab-targets.csv, 9 points; 95% profile-likelihood interval 16.0 to 25.3; from the covariance at the optimum: 15.2 to 25.6. Identified by the 1977-78 count alone: a mapping.')
const('Survey Foundries per Cluster Vendor', 8.14, 'dmnl', 'Province-wide iron casting units per vendor in the eight towns.',
      'fitted', 6.28, 10.4, 'Fitted with cdyn calibrate (gaussian payoff) to models/data/punjab-targets.csv, 9 points; 95% profile-likelihood interval 6.28 to 10.4; from the covariance at the optimum: 5.91 to 10.4. Identified by the 1977-78 count alone: a mapping.')
aux('Survey Light Engineering Units', 'Firms*Survey_Units_per_Cluster_Firm', 'firms',
    'The model\'s firms mapped to the 1977-78 survey\'s province-wide count of light engineering units.',
    src='A survey by the Punjab Small Industries Corporation in 1977-8 ... 2,141 light engineering services units (Aftab and Rahim, 1986:68).')
aux('Survey Foundries', 'Vendors*Survey_Foundries_per_Cluster_Vendor', 'vendors',
    'The model\'s vendors mapped to the survey\'s province-wide count of iron casting units (419).')
