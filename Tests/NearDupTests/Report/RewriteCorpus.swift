import NearDup

/// A labelled test set of rewrites, written for these tests (original prose about invented
/// events): for each event a reference story and candidates of every kind the report must tell
/// apart. The labels follow the METER classes by construction:
/// - `verbatim`: the reference copied, with a new headline and sign-off: wholly derived;
/// - `light`: the reference with words swapped, clauses moved and a sentence dropped: wholly derived;
/// - `heavy`: rewritten sentence by sentence in other words, quotations kept: wholly derived;
/// - `partial`: the first half rewritten from the reference, the second half new reporting:
///   partially derived;
/// - `independent`: another reporter's story of the same event, quoting the same people word for
///   word: non-derived;
/// - `unrelated`: a story about something else: non-derived.
enum RewriteCorpus {
    struct Case: Sendable, CustomStringConvertible {
        var event: String
        var kind: String
        var text: String
        var expected: Verdict
        var description: String { "\(event)/\(kind)" }
    }

    struct Event: Sendable {
        var name: String
        var reference: String
        var candidates: [(kind: String, text: String, expected: Verdict)]
    }

    static var cases: [(reference: String, candidate: Case)] {
        events.flatMap { event in
            event.candidates.map { c in
                (event.reference, Case(event: event.name, kind: c.kind, text: c.text, expected: c.expected))
            }
        }
    }

    static let events: [Event] = [budget, fire, rates]

    // MARK: - Event 1: a city budget

    /// The budget story as the wire sent it; the `verbatim` candidate is this text under a
    /// headline, with a sign-off.
    static let budgetReference = """
        Harbourton's city council approved a $412 million budget on Monday night after a debate that ran for nearly six hours.
        The spending plan, which passed by a vote of seven to four, raises property taxes by 2.5 percent and adds forty officers to the police department.
        Opponents argued that the tax increase would fall hardest on retirees living on fixed incomes.
        “We heard from hundreds of residents, and this budget reflects what they asked for: safer streets and working buses,” Mayor Delia Okafor said after the vote.
        The budget also sets aside $18 million to replace the city's ageing bus fleet, a project that was postponed twice during the pandemic.
        Councillor Ramon Estes, who voted against the plan, said the council had ignored cheaper options.
        “We are asking families to pay more while we still have not audited the money we already spend,” Estes said.
        Libraries will keep their current opening hours, reversing a proposal from March that would have closed three branches on weekends.
        The new budget takes effect on July 1.
        """

    static let budget = Event(
        name: "budget",
        reference: budgetReference,
        candidates: [
            (
                "verbatim",
                "COUNCIL PASSES BUDGET\n\n" + budgetReference + "\n\nCopyright 2024 Valley News Service. All rights reserved.",
                .whollyDerived
            ),
            (
                "light",
                """
                Harbourton city council approved a $412 million budget late on Monday after a debate that lasted nearly six hours.
                The spending plan passed seven to four. It raises property taxes by 2.5 percent and adds forty officers to the city police department.
                Opponents said the tax increase would fall hardest on retirees who live on fixed incomes.
                “We heard from hundreds of residents, and this budget reflects what they asked for: safer streets and working buses,” Mayor Delia Okafor said after the vote.
                The budget also sets aside $18 million to replace Harbourton's ageing bus fleet, a project postponed twice during the pandemic.
                Councillor Ramon Estes, who voted no, said the council had ignored cheaper options.
                “We are asking families to pay more while we still have not audited the money we already spend,” he said.
                The new budget takes effect July 1.
                """,
                .whollyDerived
            ),
            (
                "heavy",
                """
                On Monday, after almost six hours of argument, Harbourton's councillors passed a budget worth $412 million.
                The plan won seven votes to four; it lifts the property tax rate by 2.5 percent and pays for forty additional police officers.
                Critics of the plan warned that pensioners on fixed incomes would bear the brunt of the higher tax.
                “We heard from hundreds of residents, and this budget reflects what they asked for: safer streets and working buses,” Mayor Delia Okafor said once the vote was over.
                A further $18 million is reserved for new buses to replace the city's old fleet, a purchase that the pandemic delayed two times.
                Ramon Estes, one of the councillors who opposed the budget, argued that cheaper alternatives had been brushed aside.
                “We are asking families to pay more while we still have not audited the money we already spend,” Estes said.
                Branch libraries will not lose their weekend hours after all: a March plan to shut three of them on Saturdays and Sundays has been dropped.
                The spending plan comes into force on the first of July.
                """,
                .whollyDerived
            ),
            (
                "partial",
                """
                Harbourton's councillors passed a $412 million budget on Monday night, after close to six hours of debate.
                The plan, approved seven to four, lifts property taxes by 2.5 percent and funds forty more police officers.
                Critics said retirees on fixed incomes would be hit hardest by the tax rise.
                “We heard from hundreds of residents, and this budget reflects what they asked for: safer streets and working buses,” Mayor Delia Okafor said.
                Across the river, the town of Millbrook is facing the opposite problem.
                Its treasurer told residents last week that falling sales tax receipts could leave a gap of $3 million by the end of the year.
                Millbrook has frozen hiring and delayed repairs to its water treatment plant, which was built in 1968.
                Regional officials have offered to lend the town money at low interest, but Millbrook's board has not yet said whether it will accept.
                A public meeting on the shortfall is planned for next Thursday at the high school gymnasium.
                """,
                .partiallyDerived
            ),
            (
                "independent",
                """
                Property owners in Harbourton will pay more next year.
                After a long meeting that stretched past midnight, the council voted to adopt Mayor Delia Okafor's spending proposal, the largest in the city's history.
                Okafor, who campaigned on public safety, got most of what she wanted, including money for forty new police positions.
                “We heard from hundreds of residents, and this budget reflects what they asked for: safer streets and working buses,” she told reporters in the council chamber.
                Not everyone was persuaded. Four members voted no, among them Ramon Estes, who represents the east side.
                “We are asking families to pay more while we still have not audited the money we already spend,” Estes said.
                Estes has called for an independent audit of the transit department since last autumn, when a consultant found that overtime costs had doubled in three years.
                Residents who spoke during the public comment period were divided, with several small business owners warning that higher taxes would be passed on to their customers.
                City staff will now prepare tax bills, which go out in August.
                """,
                .nonDerived
            ),
            (
                "unrelated",
                """
                The Harbourton Hawks won their third straight game on Saturday, beating Cole County 3 to 1 in front of a sellout crowd.
                Striker Ana Lindqvist scored twice in the first half, both times from corners taken by captain Joel Mbeki.
                Cole County pulled a goal back after the break, but goalkeeper Tom Reyes saved a penalty in the final minutes.
                “The boys kept their heads when it mattered,” coach Ivan Petrov said.
                The Hawks travel to Northgate next weekend.
                """,
                .nonDerived
            ),
        ])

    // MARK: - Event 2: a warehouse fire

    static let fire = Event(
        name: "fire",
        reference: """
            A fire at a chemical storage warehouse in the river town of Alder Creek forced the evacuation of about 1,200 residents early on Wednesday.
            Firefighters were called to the site on Mill Road shortly after 3 a.m., when neighbours reported explosions and a strong smell of chlorine.
            No one was seriously hurt, but six people were treated for breathing problems at Saint Anne's hospital.
            “The smoke is the danger now, not the flames, and we will not let anyone back until the air is tested,” fire chief Marta Kowalczyk told reporters at a school used as a shelter.
            The warehouse is owned by Brennan Industrial Supply, which stores pool chemicals and cleaning products there.
            State inspectors cited the company in 2021 for keeping incompatible chemicals in the same room.
            A spokesman for Brennan said the company was cooperating with investigators and had hired an outside firm to monitor the air.
            “Our thoughts are with our neighbours, and we will cover the costs of everyone who had to leave home,” the spokesman said.
            The evacuation order covers everything within one mile of the site and is expected to last at least until Thursday evening.
            """,
        candidates: [
            (
                "verbatim",
                """
                A fire at a chemical storage warehouse in the river town of Alder Creek forced the evacuation of about 1,200 residents early on Wednesday. Firefighters were called to the site on Mill Road shortly after 3 a.m., when neighbours reported explosions and a strong smell of chlorine. No one was seriously hurt, but six people were treated for breathing problems at Saint Anne's hospital.

                "The smoke is the danger now, not the flames, and we will not let anyone back until the air is tested," fire chief Marta Kowalczyk told reporters at a school used as a shelter.

                The warehouse is owned by Brennan Industrial Supply, which stores pool chemicals and cleaning products there. State inspectors cited the company in 2021 for keeping incompatible chemicals in the same room. A spokesman for Brennan said the company was cooperating with investigators and had hired an outside firm to monitor the air.

                "Our thoughts are with our neighbours, and we will cover the costs of everyone who had to leave home," the spokesman said. The evacuation order covers everything within one mile of the site and is expected to last at least until Thursday evening.
                """,
                .whollyDerived
            ),
            (
                "light",
                """
                A fire at a chemical warehouse in the river town of Alder Creek forced about 1,200 residents to evacuate early Wednesday.
                Firefighters were called to the Mill Road site just after 3 a.m., after neighbours reported explosions and a strong chlorine smell.
                No one was seriously injured, though six people were treated for breathing problems at Saint Anne's hospital.
                « The smoke is the danger now, not the flames, and we will not let anyone back until the air is tested », fire chief Marta Kowalczyk told reporters at a school being used as a shelter.
                The warehouse belongs to Brennan Industrial Supply, which keeps pool chemicals and cleaning products there.
                The company was cited by state inspectors in 2021 for storing incompatible chemicals in the same room.
                A Brennan spokesman said the company was cooperating with investigators and had hired an outside firm to monitor air quality.
                The evacuation order covers everything within a mile of the site and should last at least until Thursday evening.
                """,
                .whollyDerived
            ),
            (
                "heavy",
                """
                About 1,200 people in Alder Creek had to leave their homes before dawn on Wednesday when flames broke out at a warehouse storing chemicals.
                Crews reached the Mill Road building a little after three in the morning; residents nearby had called in blasts and an overpowering chlorine odour.
                Six patients needed treatment for difficulty breathing at Saint Anne's, but nobody suffered serious injury.
                “The smoke is the danger now, not the flames, and we will not let anyone back until the air is tested,” said Marta Kowalczyk, the fire chief, speaking at a school turned into an emergency shelter.
                Brennan Industrial Supply owns the building and uses it to hold pool chemicals and cleaning goods.
                Three years ago the state's inspectors penalised the firm because chemicals that react with each other were kept together in one room.
                Brennan's spokesman said investigators had the company's full cooperation and that independent specialists had been brought in to check the air.
                “Our thoughts are with our neighbours, and we will cover the costs of everyone who had to leave home,” he added.
                Everyone living inside a one-mile radius remains under the evacuation order, which will probably stay in place until Thursday night at the earliest.
                """,
                .whollyDerived
            ),
            (
                "partial",
                """
                Around 1,200 Alder Creek residents were evacuated before dawn on Wednesday after a blaze at a chemical warehouse.
                Firefighters arrived at the Mill Road site soon after 3 a.m., called by neighbours who heard explosions and smelled chlorine.
                Six people were treated for breathing difficulties at Saint Anne's hospital; nobody was badly hurt.
                The fire has renewed questions about how the county tracks hazardous materials.
                County commissioners voted last year to create a public register of sites storing large quantities of dangerous chemicals, but the register has never been published.
                Commissioner Paul Nakamura said on Wednesday that staff shortages had delayed the project.
                Environmental groups have asked the state to take over the register, and a hearing on their petition is scheduled for next month.
                Meanwhile, the Red Cross has opened a second shelter at the Lutheran church on Elm Street for families with pets.
                """,
                .partiallyDerived
            ),
            (
                "independent",
                """
                Hundreds of Alder Creek families spent Wednesday in school gyms and motel rooms after toxic smoke from a burning warehouse drifted over the east end of town.
                Emily Grant, who lives two streets from the building, said she woke to what sounded like fireworks and saw an orange glow through her bedroom window.
                She put her two children in the car without stopping to pack.
                “The smoke is the danger now, not the flames, and we will not let anyone back until the air is tested,” fire chief Marta Kowalczyk said during an afternoon briefing.
                Volunteers handed out sandwiches and blankets at the shelter, and a local pharmacy delivered prescriptions to people who had left medicine behind.
                The building's owner, Brennan Industrial Supply, promised to pay for the displaced families.
                “Our thoughts are with our neighbours, and we will cover the costs of everyone who had to leave home,” a company spokesman said.
                Several residents said they had complained to the town about trucks carrying chemicals through a residential street, without result.
                Schools in the district will stay closed on Thursday.
                """,
                .nonDerived
            ),
            (
                "unrelated",
                """
                Alder Creek's public library will open a new children's wing next month, funded by a bequest from a retired schoolteacher.
                The wing includes a reading garden, a puppet theatre and two rooms for homework clubs.
                Head librarian Sofia Marin said the number of children borrowing books had risen by a third since 2019.
                “Kids are reading more than ever, they just needed more room,” Marin said.
                An opening party with music and face painting is planned for the first Saturday of the month.
                """,
                .nonDerived
            ),
        ])

    // MARK: - Event 3: an interest-rate decision

    static let rates = Event(
        name: "rates",
        reference: """
            The Bank of Norland raised its main interest rate by half a percentage point on Thursday, to 4.75 percent, the highest level in sixteen years.
            The decision was the bank's fifth increase since last spring and was larger than most economists had expected.
            Governor Ingrid Halvorsen said inflation, which reached 6.8 percent in September, was spreading from energy and food to services and rents.
            "We would rather do too much now than find ourselves doing far more later," Halvorsen said at a news conference in the capital.
            The bank's board was divided: two of its seven members voted for a smaller increase of a quarter point.
            Mortgage lenders said they would pass the increase on to borrowers with variable-rate loans within a month.
            The Norlandic krone rose almost one percent against the euro after the announcement.
            Halvorsen declined to say whether rates would rise again in December, saying the board would look at "every new piece of data" before deciding.
            """,
        candidates: [
            (
                "verbatim",
                """
                Norland raises rates again

                The Bank of Norland raised its main interest rate by half a percentage point on Thursday, to 4.75 percent, the highest level in sixteen years. The decision was the bank's fifth increase since last spring and was larger than most economists had expected. Governor Ingrid Halvorsen said inflation, which reached 6.8 percent in September, was spreading from energy and food to services and rents.

                "We would rather do too much now than find ourselves doing far more later," Halvorsen said at a news conference in the capital. The bank's board was divided: two of its seven members voted for a smaller increase of a quarter point. Mortgage lenders said they would pass the increase on to borrowers with variable-rate loans within a month. The Norlandic krone rose almost one percent against the euro after the announcement. Halvorsen declined to say whether rates would rise again in December, saying the board would look at "every new piece of data" before deciding.
                """,
                .whollyDerived
            ),
            (
                "light",
                """
                The Bank of Norland on Thursday raised its key interest rate by half a percentage point to 4.75 percent, the highest in sixteen years.
                It was the bank's fifth increase since last spring and bigger than most economists had expected.
                Governor Ingrid Halvorsen said inflation, which hit 6.8 percent in September, was spreading from energy and food to services and rents.
                "We would rather do too much now than find ourselves doing far more later," Halvorsen told a news conference in the capital.
                The board was divided, with two of its seven members voting for a smaller quarter-point increase.
                Mortgage lenders said they would pass the increase on to borrowers with variable-rate loans within a month.
                The krone rose almost one percent against the euro after the announcement.
                """,
                .whollyDerived
            ),
            (
                "heavy",
                """
                Norland's central bank lifted borrowing costs by fifty basis points on Thursday, taking its benchmark rate to 4.75 percent, a level last seen sixteen years ago.
                It was the fifth hike since the spring of last year, and a bigger step than the majority of economists had forecast.
                According to Governor Ingrid Halvorsen, price growth, which hit 6.8 percent in September, is moving beyond food and energy into rents and services.
                "We would rather do too much now than find ourselves doing far more later," she told journalists in the capital.
                Not every board member agreed: two of the seven would have preferred a quarter-point rise.
                Banks offering mortgages said borrowers on variable rates would see the increase passed on to them within a month.
                Following the announcement, the krone gained nearly one percent on the euro.
                Asked whether another rise would come in December, Halvorsen would not commit, saying the board would weigh "every new piece of data" first.
                """,
                .whollyDerived
            ),
            (
                "partial",
                """
                Norland's central bank put up its main rate by half a point on Thursday to 4.75 percent, its highest in sixteen years.
                The move, the fifth rise since last spring, was bigger than most economists had predicted.
                Governor Ingrid Halvorsen said inflation, at 6.8 percent in September, was spreading from food and energy into services and rents.
                For first-time buyers, the timing could hardly be worse.
                House prices in the capital are still eleven percent higher than two years ago, according to the national statistics office, even though sales have fallen for six months in a row.
                Estate agent Lars Dahl said many young couples who had saved for years were now giving up.
                "People come in with a deposit and leave with nothing they can afford," Dahl said.
                The government has promised a scheme to help first-time buyers, but details are not expected before the budget in February.
                """,
                .partiallyDerived
            ),
            (
                "independent",
                """
                Borrowers in Norland face another squeeze after the central bank lifted rates for the fifth time in a year.
                Markets had been split over whether the bank would opt for a quarter point or something larger, and traders were caught out when it chose the bigger move.
                "We would rather do too much now than find ourselves doing far more later," Governor Ingrid Halvorsen said.
                Economists at two of the country's largest banks now expect rates to peak above five percent next year.
                "The bank is clearly worried that high inflation is becoming embedded in wages," said Pia Lund, chief economist at Fjord Capital.
                Unions reacted angrily. The federation of trade unions said members had already lost a tenth of their purchasing power since 2021 and called the decision "a punishment for workers who did not cause this inflation".
                Halvorsen said the board would look at "every new piece of data" before its December meeting.
                Retailers reported that Christmas orders were already weaker than last year.
                """,
                .nonDerived
            ),
            (
                "unrelated",
                """
                Norland's national orchestra has named the Finnish conductor Aino Salo as its next music director, the first woman to hold the post.
                Salo, 38, will take over from the veteran Erik Berg at the start of the 2026 season.
                She said she wanted to take the orchestra on tour to smaller towns that rarely hear live classical music.
                "Music belongs to everybody, not only to people who live near a concert hall," Salo said.
                Berg will remain with the orchestra as conductor laureate.
                """,
                .nonDerived
            ),
        ])
}
